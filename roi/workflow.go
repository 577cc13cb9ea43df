package roi

import (
	"fmt"
	"strings"
)

// Status is where a release-of-information request stands.
type Status string

// The statuses, in the order a request moves through them.
const (
	Logged       Status = "logged"
	Validated    Status = "validated"
	InProcess    Status = "in-process"
	QualityCheck Status = "quality-check"
	Released     Status = "released"
	Denied       Status = "denied"
	Cancelled    Status = "cancelled"
)

var next = map[Status][]Status{
	Logged:       {Validated, Denied, Cancelled},
	Validated:    {InProcess, Denied, Cancelled},
	InProcess:    {QualityCheck, Denied, Cancelled},
	QualityCheck: {Released, InProcess, Denied, Cancelled},
}

// Step is a proposed change of a request's status.
type Step struct {
	From, To Status
	By       int64 // who makes the change
	// ProcessedBy is who put the request together (moved it to quality
	// check); the quality check must be someone else.
	ProcessedBy int64
	Reason      string // required to deny or cancel
	// Defects are the authorization's defects; a request whose basis needs
	// an authorization cannot be validated with any.
	Defects []Defect
	Basis   Basis
	// Assurance records the satisfactory assurance a subpoena without a
	// court order needs (164.512(e)(1)(ii)).
	Assurance bool
}

// CheckStep reports why a status change is not allowed, or nil.
func CheckStep(s Step) error {
	allowed := false
	for _, t := range next[s.From] {
		if t == s.To {
			allowed = true
		}
	}
	if !allowed {
		return fmt.Errorf("a %s request cannot become %s", s.From, s.To)
	}
	switch s.To {
	case Validated:
		need := Requirements(s.Basis)
		if need.Authorization && len(s.Defects) > 0 {
			var parts []string
			for _, d := range s.Defects {
				parts = append(parts, d.Element+": "+d.Problem)
			}
			return fmt.Errorf("the authorization is not valid: %s", strings.Join(parts, "; "))
		}
		if need.Assurance && !s.Assurance {
			return fmt.Errorf("a subpoena without a court order needs satisfactory assurance (notice to the patient or a qualified protective order) before release")
		}
	case Released:
		if s.By != 0 && s.By == s.ProcessedBy {
			return fmt.Errorf("a second person must do the quality check: the one who prepared the release cannot release it")
		}
	case Denied, Cancelled:
		if strings.TrimSpace(s.Reason) == "" {
			return fmt.Errorf("say why the request is %s", s.To)
		}
	}
	return nil
}
