package audit

import (
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// Coding is a FHIR Coding.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code"`
	Display string `json:"display,omitempty"`
}

type codeable struct {
	Coding []Coding `json:"coding"`
}

const (
	dcm          = "http://dicom.nema.org/resources/ontology/DCM"
	eventType    = "http://terminology.hl7.org/CodeSystem/audit-event-type"
	restful      = "http://hl7.org/fhir/restful-interaction"
	participate  = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
	roleClass    = "http://terminology.hl7.org/CodeSystem/v3-RoleClass"
	entityType   = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
	objectRole   = "http://terminology.hl7.org/CodeSystem/object-role"
	actReason    = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
	sourceType   = "http://terminology.hl7.org/CodeSystem/security-source-type"
	balpProfiles = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit."
)

// FHIRAuditEvent renders e as a FHIR R4 AuditEvent following the IHE Basic
// Audit Log Patterns: RESTful reads, queries, creates and updates with the
// patient as an entity, and DICOM event types for sign-in, security alerts
// and exports. source names this Chartroom (the observer).
func FHIRAuditEvent(e *Entry, source string) map[string]any {
	typ := Coding{System: eventType, Code: "rest", Display: "Restful Operation"}
	var subtype []Coding
	action, profile := "R", "Read"
	userType := Coding{System: participate, Code: "IRCP", Display: "information recipient"}
	switch e.Action {
	case Read:
		subtype = []Coding{{System: restful, Code: "read", Display: "read"}}
	case Search:
		action, profile = "E", "Query"
		subtype = []Coding{{System: restful, Code: "search-type", Display: "search type"}}
	case Create:
		action, profile = "C", "Create"
		subtype = []Coding{{System: restful, Code: "create", Display: "create"}}
		userType = Coding{System: roleClass, Code: "AGNT", Display: "agent"}
	case Update:
		action, profile = "U", "Update"
		subtype = []Coding{{System: restful, Code: "update", Display: "update"}}
		userType = Coding{System: roleClass, Code: "AGNT", Display: "agent"}
	case Delete:
		action, profile = "D", "Delete"
		subtype = []Coding{{System: restful, Code: "delete", Display: "delete"}}
	case Login, LoginFailure, Logout:
		typ, action, profile = Coding{System: dcm, Code: "110114", Display: "User Authentication"}, "E", ""
		if e.Action == Logout {
			subtype = []Coding{{System: dcm, Code: "110123", Display: "Logout"}}
		} else {
			subtype = []Coding{{System: dcm, Code: "110122", Display: "Login"}}
		}
	case Export, Disclose, Print:
		typ, action, profile = Coding{System: dcm, Code: "110106", Display: "Export"}, "R", ""
	default: // break-the-glass, refusals, permission and configuration changes
		typ, action, profile = Coding{System: dcm, Code: "110113", Display: "Security Alert"}, "E", ""
		subtype = []Coding{{Code: string(e.Action)}}
	}
	outcome := "0"
	switch e.Outcome {
	case Failure:
		outcome = "8"
	case Refused:
		outcome = "4"
	}
	user := map[string]any{
		"type":      codeable{[]Coding{userType}},
		"who":       map[string]any{"identifier": map[string]any{"value": e.Username}, "display": e.Username},
		"requestor": true,
	}
	if e.UserID != 0 {
		user["who"].(map[string]any)["reference"] = "Practitioner/" + strconv.FormatInt(e.UserID, 10)
	}
	if e.IP != "" {
		user["network"] = map[string]any{"address": e.IP, "type": "2"}
	}
	if e.Role != "" {
		user["role"] = []codeable{{[]Coding{{System: "urn:chartroom:role", Code: e.Role}}}}
	}
	if e.Purpose != "" {
		user["purposeOfUse"] = []codeable{{[]Coding{{System: actReason, Code: e.Purpose}}}}
	}
	ev := map[string]any{
		"resourceType": "AuditEvent",
		"id":           strconv.FormatInt(e.Seq, 10),
		"type":         typ,
		"action":       action,
		"recorded":     e.At.UTC().Format(time.RFC3339Nano),
		"outcome":      outcome,
		"agent": []any{user, map[string]any{
			"type":      codeable{[]Coding{{System: dcm, Code: "110152", Display: "Destination Role ID"}}},
			"who":       map[string]any{"display": source},
			"requestor": false,
		}},
		"source": map[string]any{"observer": map[string]any{"display": source}, "type": []Coding{{System: sourceType, Code: "4", Display: "Application Server"}}},
	}
	if len(subtype) > 0 {
		ev["subtype"] = subtype
	}
	if e.Detail != "" || e.Reason != "" {
		ev["outcomeDesc"] = e.Detail
	}
	var entities []any
	if e.PatientID != 0 {
		entities = append(entities, map[string]any{
			"what": map[string]any{"reference": "Patient/" + strconv.FormatInt(e.PatientID, 10)},
			"type": Coding{System: entityType, Code: "1", Display: "Person"},
			"role": Coding{System: objectRole, Code: "1", Display: "Patient"},
		})
		if profile != "" {
			profile = "Patient" + profile
		}
	}
	if e.ObjectType != "" {
		ent := map[string]any{
			"type": Coding{System: entityType, Code: "2", Display: "System Object"},
			"role": Coding{System: objectRole, Code: "4", Display: "Domain Resource"},
		}
		if e.ObjectID != "" {
			ent["what"] = map[string]any{"reference": fhirType(e.ObjectType) + "/" + e.ObjectID}
		} else {
			ent["what"] = map[string]any{"display": e.ObjectType}
		}
		if e.Reason != "" {
			ent["description"] = e.Reason
		}
		entities = append(entities, ent)
	}
	if len(entities) > 0 {
		ev["entity"] = entities
	}
	if profile != "" {
		ev["meta"] = map[string]any{"profile": []string{balpProfiles + profile}}
	}
	ev["extension"] = []any{map[string]any{"url": "urn:chartroom:audit-hash", "valueString": hex.EncodeToString(e.Hash)}}
	return ev
}

func fhirType(objectType string) string {
	switch objectType {
	case "patient":
		return "Patient"
	case "encounter":
		return "Encounter"
	case "document", "amendment":
		return "DocumentReference"
	case "user", "session":
		return "Practitioner"
	}
	return "Basic"
}

// WriteNDJSON writes entries as FHIR AuditEvent NDJSON, one per line.
func WriteNDJSON(w io.Writer, source string, entries func(fn func(e *Entry) error) error) error {
	enc := json.NewEncoder(w)
	return entries(func(e *Entry) error { return enc.Encode(FHIRAuditEvent(e, source)) })
}
