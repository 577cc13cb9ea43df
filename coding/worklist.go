package coding

import (
	"slices"
	"time"
)

// WorkItem is an encounter on a coding worklist: discharged and not yet
// final-billed.
type WorkItem struct {
	EncounterID int64      `json:"encounter_id"`
	PatientID   int64      `json:"patient_id"`
	Facility    string     `json:"facility"`
	Class       string     `json:"class"`
	Service     string     `json:"service,omitempty"`
	Payer       string     `json:"payer,omitempty"`
	DischargeAt time.Time  `json:"discharge_at"`
	Status      Status     `json:"status"` // "" when coding has not started
	AssignedTo  int64      `json:"assigned_to,omitempty"`
	Hold        string     `json:"hold,omitempty"`
	FinalisedAt *time.Time `json:"finalised_at,omitempty"`
}

// Age is how many whole days the encounter has waited since discharge.
func (w WorkItem) Age(now time.Time) int {
	return int(now.Sub(w.DischargeAt).Hours() / 24)
}

// WorkFilter selects worklist items. Empty fields do not filter.
type WorkFilter struct {
	Class      string
	Service    string
	Payer      string
	AssignedTo int64
	Facility   string
	MinAge     int // days since discharge, at least
	Now        time.Time
	Limit      int
}

// Bucket is one aging bucket of the DNFB (discharged, not final billed)
// report.
type Bucket struct {
	Label string `json:"label"`
	Min   int    `json:"min_days"`
	Max   int    `json:"max_days"` // 0: no upper bound
	Count int    `json:"count"`
	Held  int    `json:"held"`
}

// DNFB is the discharged-not-final-billed report: encounters by days since
// discharge, and the holds that keep them from billing.
type DNFB struct {
	Total   int            `json:"total"`
	Buckets []Bucket       `json:"buckets"`
	Holds   map[string]int `json:"holds"`
	Oldest  []WorkItem     `json:"oldest"`
}

// Aging buckets as HIM departments usually report them.
var buckets = []Bucket{{Label: "0–3 days", Min: 0, Max: 3}, {Label: "4–7 days", Min: 4, Max: 7}, {Label: "8–14 days", Min: 8, Max: 14},
	{Label: "15–30 days", Min: 15, Max: 30}, {Label: "over 30 days", Min: 31}}

// Report builds the DNFB report from the unbilled worklist.
func Report(items []WorkItem, now time.Time) DNFB {
	r := DNFB{Buckets: slices.Clone(buckets), Holds: map[string]int{}}
	for _, it := range items {
		if it.Status == Final {
			continue
		}
		r.Total++
		age := it.Age(now)
		for i := range r.Buckets {
			b := &r.Buckets[i]
			if age >= b.Min && (b.Max == 0 || age <= b.Max) {
				b.Count++
				if it.Hold != "" {
					b.Held++
				}
			}
		}
		if it.Hold != "" {
			r.Holds[it.Hold]++
		}
	}
	oldest := slices.Clone(items)
	slices.SortFunc(oldest, func(a, b WorkItem) int { return a.DischargeAt.Compare(b.DischargeAt) })
	for _, it := range oldest {
		if it.Status != Final && len(r.Oldest) < 10 {
			r.Oldest = append(r.Oldest, it)
		}
	}
	return r
}
