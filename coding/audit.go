package coding

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Sampled reports whether a finalised encounter goes to second-level
// review: a fixed share of encounters, chosen by a hash of the encounter id
// so that the choice is the same on every node and cannot be steered.
func Sampled(encounterID int64, percent int) bool {
	if percent <= 0 {
		return false
	}
	h := fnv.New32a()
	h.Write([]byte(strconv.FormatInt(encounterID, 10)))
	return int(h.Sum32()%100) < percent
}

// Disagreement is one difference the reviewer found, with a reason.
type Disagreement struct {
	Kind   string `json:"kind"` // missing (coder left it out), extra (should not be coded), poa, principal, procedure-missing, procedure-extra
	Code   string `json:"code"`
	Coder  string `json:"coder,omitempty"`  // what the coder had
	Review string `json:"review,omitempty"` // what the reviewer has
	Reason string `json:"reason,omitempty"`
}

// AuditResult compares a coder's final abstract with the reviewer's.
type AuditResult struct {
	Diagnoses     Score          `json:"diagnoses"`
	Procedures    Score          `json:"procedures"`
	POA           Score          `json:"poa"`
	Principal     bool           `json:"principal"` // same principal (first-listed) diagnosis
	Disagreements []Disagreement `json:"disagreements"`
}

// Score is agreement counted the way coding audits count it: codes both
// assigned over codes either assigned.
type Score struct {
	Agree int `json:"agree"`
	Total int `json:"total"`
}

// Rate is the share in agreement (1 when there was nothing to agree on).
func (s Score) Rate() float64 {
	if s.Total == 0 {
		return 1
	}
	return float64(s.Agree) / float64(s.Total)
}

// Compare scores a coder's abstract against a reviewer's. reasons gives
// the reviewer's reason per code that differs.
func Compare(coder, review *Abstract, reasons map[string]string) AuditResult {
	var r AuditResult
	cd, rd := map[string]Diagnosis{}, map[string]Diagnosis{}
	for _, d := range coder.Diagnoses {
		cd[d.Code] = d
	}
	for _, d := range review.Diagnoses {
		rd[d.Code] = d
	}
	for _, code := range unionKeys(cd, rd) {
		c, inC := cd[code]
		v, inR := rd[code]
		r.Diagnoses.Total++
		switch {
		case inC && inR:
			r.Diagnoses.Agree++
			if coder.Setting == Inpatient {
				r.POA.Total++
				if c.POA == v.POA {
					r.POA.Agree++
				} else {
					r.Disagreements = append(r.Disagreements, Disagreement{Kind: "poa", Code: code, Coder: c.POA, Review: v.POA, Reason: reasons[code]})
				}
			}
		case inR:
			r.Disagreements = append(r.Disagreements, Disagreement{Kind: "missing", Code: code, Review: code, Reason: reasons[code]})
		default:
			r.Disagreements = append(r.Disagreements, Disagreement{Kind: "extra", Code: code, Coder: code, Reason: reasons[code]})
		}
	}
	cp, rp := map[string]Procedure{}, map[string]Procedure{}
	for _, p := range coder.Procedures {
		cp[p.Code] = p
	}
	for _, p := range review.Procedures {
		rp[p.Code] = p
	}
	for _, code := range unionKeys(cp, rp) {
		_, inC := cp[code]
		_, inR := rp[code]
		r.Procedures.Total++
		switch {
		case inC && inR:
			r.Procedures.Agree++
		case inR:
			r.Disagreements = append(r.Disagreements, Disagreement{Kind: "procedure-missing", Code: code, Review: code, Reason: reasons[code]})
		default:
			r.Disagreements = append(r.Disagreements, Disagreement{Kind: "procedure-extra", Code: code, Coder: code, Reason: reasons[code]})
		}
	}
	var cpd, rpd string
	if len(coder.Diagnoses) > 0 {
		cpd = coder.Diagnoses[0].Code
	}
	if len(review.Diagnoses) > 0 {
		rpd = review.Diagnoses[0].Code
	}
	r.Principal = cpd == rpd
	if !r.Principal {
		r.Disagreements = append(r.Disagreements, Disagreement{Kind: "principal", Code: rpd, Coder: cpd, Review: rpd, Reason: reasons["principal"]})
	}
	return r
}

func unionKeys[V any](a, b map[string]V) []string {
	var out []string
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// CoderAccuracy sums a coder's audited encounters.
type CoderAccuracy struct {
	CoderID   int64   `json:"coder_id"`
	Audited   int     `json:"audited"`
	Diagnosis float64 `json:"diagnosis"`
	Procedure float64 `json:"procedure"`
	POA       float64 `json:"poa"`
	Principal float64 `json:"principal"`
}

// Accuracy aggregates audit results per coder: agreement rates over all the
// codes of all their audited encounters, and the share of encounters with
// the same principal diagnosis.
func Accuracy(results map[int64][]AuditResult) []CoderAccuracy {
	var out []CoderAccuracy
	for coder, rs := range results {
		var dx, px, poa Score
		principal := 0
		for _, r := range rs {
			dx.Agree, dx.Total = dx.Agree+r.Diagnoses.Agree, dx.Total+r.Diagnoses.Total
			px.Agree, px.Total = px.Agree+r.Procedures.Agree, px.Total+r.Procedures.Total
			poa.Agree, poa.Total = poa.Agree+r.POA.Agree, poa.Total+r.POA.Total
			if r.Principal {
				principal++
			}
		}
		out = append(out, CoderAccuracy{CoderID: coder, Audited: len(rs), Diagnosis: dx.Rate(), Procedure: px.Rate(), POA: poa.Rate(),
			Principal: float64(principal) / float64(max(len(rs), 1))})
	}
	slices.SortFunc(out, func(a, b CoderAccuracy) int { return int(a.CoderID - b.CoderID) })
	return out
}

// Activity is one moment a coder worked on an encounter's abstract.
type Activity struct {
	UserID int64
	At     time.Time
}

// Finalised is one abstract made final.
type Finalised struct {
	UserID int64
	Class  string
	At     time.Time
}

// ProductivityRow is one coder's output for one kind of encounter.
type ProductivityRow struct {
	CoderID int64   `json:"coder_id"`
	Class   string  `json:"class"`
	Charts  int     `json:"charts"`
	Hours   float64 `json:"hours"` // the coder's active hours in the period, shared across classes by charts
	PerHour float64 `json:"per_hour"`
}

// Productivity counts charts finalised per coder and encounter type, and
// charts per hour of coding. A coder's active time on a day runs from the
// first to the last change they made that day, plus a quarter hour for the
// first chart; it is shared between encounter types in proportion to the
// charts of each.
func Productivity(acts []Activity, finals []Finalised) []ProductivityRow {
	type dayKey struct {
		user int64
		day  string
	}
	first, last := map[dayKey]time.Time{}, map[dayKey]time.Time{}
	for _, a := range acts {
		k := dayKey{a.UserID, a.At.UTC().Format("2006-01-02")}
		if f, ok := first[k]; !ok || a.At.Before(f) {
			first[k] = a.At
		}
		if l, ok := last[k]; !ok || a.At.After(l) {
			last[k] = a.At
		}
	}
	hours := map[int64]float64{}
	for k, f := range first {
		hours[k.user] += last[k].Sub(f).Hours() + 0.25
	}
	type rowKey struct {
		user  int64
		class string
	}
	charts := map[rowKey]int{}
	total := map[int64]int{}
	for _, f := range finals {
		charts[rowKey{f.UserID, f.Class}]++
		total[f.UserID]++
	}
	var out []ProductivityRow
	for k, n := range charts {
		h := hours[k.user] * float64(n) / float64(total[k.user])
		row := ProductivityRow{CoderID: k.user, Class: k.class, Charts: n, Hours: float64(int(h*100+0.5)) / 100}
		if h > 0 {
			row.PerHour = float64(int(float64(n)/h*100+0.5)) / 100
		}
		out = append(out, row)
	}
	slices.SortFunc(out, func(a, b ProductivityRow) int {
		if a.CoderID != b.CoderID {
			return int(a.CoderID - b.CoderID)
		}
		return strings.Compare(a.Class, b.Class)
	})
	return out
}
