package demogen

import (
	"fmt"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
)

// fill replaces the scenario placeholders for one patient and side.
func fill(s string, sex chartroom.Sex, age int, right bool) string {
	he, his, him := "she", "her", "her"
	if sex == chartroom.SexMale {
		he, his, him = "he", "his", "him"
	}
	side, lat, lat2, pcslat, tkalat := "right", "1", "5", "6", "C"
	if !right {
		side, lat, lat2, pcslat, tkalat = "left", "2", "6", "7", "D"
	}
	r := strings.NewReplacer("{he}", he, "{He}", capFirst(he), "{his}", his, "{His}", capFirst(his), "{him}", him,
		"{age}", fmt.Sprint(age), "{side}", side, "{Side}", capFirst(side), "{SIDE}", strings.ToUpper(side),
		"{lat}", lat, "{lat2}", lat2, "{pcslat}", pcslat, "{tkalat}", tkalat)
	return r.Replace(s)
}

func fillAll(xs []string, sex chartroom.Sex, age int, right bool) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fill(x, sex, age, right)
	}
	return out
}

func (g *generator) provider(service string) *chartroom.Provider {
	ps := g.byServ[service]
	if len(ps) == 0 {
		ps = g.byServ["MED"]
	}
	return ps[g.r.IntN(len(ps))]
}

// visit writes one encounter of scenario s with its documents.
func (g *generator) visit(p *Patient, s *scenario, age int) {
	r := g.r
	right := r.IntN(2) == 0
	admit := g.now.AddDate(0, 0, -7-r.IntN(700)).Add(time.Duration(7+r.IntN(12)) * time.Hour).Add(time.Duration(r.IntN(60)) * time.Minute)
	if admit.Before(p.BirthDate.Time()) {
		admit = p.BirthDate.Time().Add(48 * time.Hour)
	}
	facility := "MAIN"
	if s.class == chartroom.Outpatient && r.IntN(2) == 0 {
		facility = "CLIN"
		if p.MRN("CLIN") == "" {
			facility = "MAIN"
		}
	}
	att := g.provider(s.service)
	g.acct += 1 + r.IntN(5)
	e := &chartroom.Encounter{Facility: facility, Account: fmt.Sprintf("V%08d", g.acct), Class: s.class, Status: chartroom.EncounterFinished,
		AdmitAt: admit, AdmitSource: s.source, Disposition: s.dispo, AttendingID: 0, Service: s.service, Payer: g.pick(payers), Reason: s.reason}
	var dis time.Time
	switch s.class {
	case chartroom.Inpatient:
		dis = admit.AddDate(0, 0, s.los+r.IntN(2)).Add(time.Duration(r.IntN(5)) * time.Hour)
	case chartroom.Observation:
		dis = admit.Add(time.Duration(20+r.IntN(20)) * time.Hour)
	case chartroom.Emergency:
		dis = admit.Add(time.Duration(2+r.IntN(5)) * time.Hour)
	default:
		dis = admit.Add(40 * time.Minute)
	}
	if e.Disposition == "" {
		e.Disposition = "01"
	}
	e.DischargeAt = &dis
	v := &Visit{Encounter: e, Scenario: s.key, Codes: fillAll(s.codes, p.Sex, age, right), PCS: fillAll(s.pcs, p.Sex, age, right), MustNot: s.mustNot}
	p.Visits = append(p.Visits, v)
	f := func(x string) string { return fill(x, p.Sex, age, right) }
	doc := func(t chartroom.DocumentType, at time.Time, author *chartroom.Provider, text string) {
		d := &chartroom.Document{Type: t, Title: t.Title(), ServiceAt: at, Status: chartroom.DocSigned, Source: "demo"}
		if s.sensitive != "" {
			d.Source = s.sensitive
		}
		v.Documents = append(v.Documents, &Document{Document: d, Text: text, attending: author})
	}
	name := p.Name.Given + " " + p.Name.Family
	header := func(title string, author *chartroom.Provider, at time.Time) string {
		return fmt.Sprintf("HARBOR VIEW MEDICAL CENTER\n%s\n\nPatient: %s    MRN: %s    DOB: %s\nAccount: %s    Date of service: %s\nAuthor: %s, %s\n\n",
			strings.ToUpper(title), name, p.MRN("MAIN"), p.BirthDate, e.Account, at.Format("01/02/2006 15:04"), author.Name.Given+" "+author.Name.Family, author.Name.Suffix)
	}
	hp := func(title string, t chartroom.DocumentType) {
		at := admit.Add(90 * time.Minute)
		text := header(title, att, at) +
			"CHIEF COMPLAINT:\n" + s.reason + ".\n\n" +
			"HISTORY OF PRESENT ILLNESS:\n" + f(s.hpi) + "\n\n" +
			"PAST MEDICAL HISTORY:\n" + s.pmh + "\n\n" +
			"MEDICATIONS:\n" + s.meds + "\n\nALLERGIES:\n" + s.allergies + "\n\n" +
			"SOCIAL HISTORY:\nLives in " + p.Addresses[0].City + ". " + g.pick([]string{"Denies tobacco use.", "Drinks alcohol socially.", "Former smoker.", "No illicit drug use."}) + "\n\n" +
			"REVIEW OF SYSTEMS:\n" + f(s.ros) + " All other systems reviewed and negative.\n\n" +
			"PHYSICAL EXAMINATION:\n" + f(s.exam) + "\n\n" +
			"ASSESSMENT AND PLAN:\n" + f(s.assessment) + "\n"
		doc(t, at, att, text)
	}
	switch s.class {
	case chartroom.Inpatient, chartroom.Observation:
		hp("History and physical", "history-and-physical")
		for d := 1; d < s.los && d <= 3; d++ {
			at := admit.AddDate(0, 0, d).Add(time.Duration(r.IntN(3)) * time.Hour)
			doc("progress-note", at, att, header("Progress note", att, at)+
				"SUBJECTIVE:\n"+g.pick([]string{"Feels better today.", "Slept poorly; pain controlled.", "No new complaints.", "Tolerating diet."})+"\n\n"+
				"OBJECTIVE:\nAfebrile. Vital signs stable.\n\nASSESSMENT AND PLAN:\n"+f(s.assessment)+" Continue current plan.\n")
		}
		if s.op != nil {
			surgeon := g.provider(s.service)
			at := admit.Add(20 * time.Hour)
			doc("operative-note", at, surgeon, header("Operative note", surgeon, at)+
				"PREOPERATIVE DIAGNOSIS:\n"+f(s.op.preop)+"\n\nPOSTOPERATIVE DIAGNOSIS:\n"+f(s.op.postop)+"\n\nPROCEDURE:\n"+f(s.op.procedure)+
				"\n\nSURGEON:\n"+surgeon.Name.Display()+"\n\nANESTHESIA:\n"+s.op.anesthesia+"\n\nESTIMATED BLOOD LOSS:\n"+s.op.ebl+
				"\n\nFINDINGS:\n"+f(s.op.findings)+"\n\nDESCRIPTION OF PROCEDURE:\n"+f(s.op.description)+"\nThe patient tolerated the procedure well and went to recovery in stable condition.\n")
		}
		if s.class == chartroom.Inpatient {
			var diag, proc strings.Builder
			for i, d := range fillAll(s.diagnoses, p.Sex, age, right) {
				fmt.Fprintf(&diag, "%d. %s\n", i+1, d)
			}
			for i, d := range fillAll(s.procedures, p.Sex, age, right) {
				fmt.Fprintf(&proc, "%d. %s\n", i+1, d)
			}
			if proc.Len() == 0 {
				proc.WriteString("None.\n")
			}
			doc("discharge-summary", dis, att, header("Discharge summary", att, dis)+
				fmt.Sprintf("ADMISSION DATE: %s\nDISCHARGE DATE: %s\n\n", admit.Format("01/02/2006"), dis.Format("01/02/2006"))+
				"REASON FOR ADMISSION:\n"+s.reason+".\n\nHOSPITAL COURSE:\n"+f(s.course)+"\n\n"+
				"DISCHARGE DIAGNOSES:\n"+diag.String()+"\nPROCEDURES:\n"+proc.String()+"\n"+
				"DISCHARGE MEDICATIONS:\n"+s.meds+"\n\nDISPOSITION:\n"+dispositionText(e.Disposition)+"\n\n"+
				"FOLLOW-UP:\nPrimary care in one week. Return for fever, worsening symptoms, or chest pain.\n")
		}
	case chartroom.Emergency:
		hp("Emergency department note", "emergency-note")
	default:
		hp("Clinic note", "clinic-note")
	}
	if s.imaging != "" {
		rad := g.provider("RAD")
		at := admit.Add(3 * time.Hour)
		doc("radiology-report", at, rad, header("Diagnostic imaging report", rad, at)+"CLINICAL HISTORY:\n"+s.reason+".\n\nFINDINGS AND "+f(s.imaging)+"\n")
	}
	if s.pathology != "" {
		path := g.provider("PATH")
		at := admit.AddDate(0, 0, 2)
		doc("pathology-report", at, path, header("Surgical pathology report", path, at)+"DIAGNOSIS:\n"+s.pathology+"\n\nGROSS DESCRIPTION:\nReceived in formalin, a single tubular specimen.\n")
	}
	// Consent for procedures, and now and then a scanned outside record.
	if s.op != nil {
		v.Documents = append(v.Documents, &Document{Document: &chartroom.Document{Type: "consent", Title: "Surgical consent (scanned)", ServiceAt: admit.Add(2 * time.Hour), Status: chartroom.DocFinal, Source: "scan"},
			ContentType: "application/pdf", Binary: minimalPDF("Consent for surgery: "+f(s.op.procedure), name, admit)})
	}
	if r.IntN(6) == 0 {
		v.Documents = append(v.Documents, &Document{Document: &chartroom.Document{Type: "scanned-record", Title: "Outside record (scanned image)", ServiceAt: admit, Status: chartroom.DocFinal, Source: "scan"},
			ContentType: "image/png", Binary: scanImage(g.r.Uint64())})
	}
	v.attending = att
}

func dispositionText(code string) string {
	switch code {
	case "01":
		return "Discharged home (01)."
	case "03":
		return "Discharged to a skilled nursing facility (03)."
	case "06":
		return "Discharged home with home health services (06)."
	case "62":
		return "Discharged to an inpatient rehabilitation facility (62)."
	}
	return "Discharged (" + code + ")."
}

func capFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
