// Package monitor applies the privacy officer's access-monitoring rules to
// the audit trail: a user opening their own record or a relative's, VIP
// and employee records opened, a user opening far more records than usual,
// access to a patient with no encounter where the user works, and access
// after hours. It is pure: it reads entries and answers lookups.
package monitor

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
)

// Rule names a monitoring rule.
type Rule string

// The rules.
const (
	OwnRecord      Rule = "own-record"       // the patient has the user's name
	SameFamilyName Rule = "same-family-name" // the patient shares the user's family name: a relative?
	Confidential   Rule = "confidential"     // a VIP or employee record was opened
	Volume         Rule = "unusual-volume"   // far more patients than the user's usual day
	NoRelationship Rule = "no-relationship"  // no encounter at any facility the user works at
	AfterHours     Rule = "after-hours"
)

// Hit is one flagged access.
type Hit struct {
	Rule    Rule         `json:"rule"`
	Entry   *audit.Entry `json:"entry"`
	Patient int64        `json:"patient_id"`
	Detail  string       `json:"detail"`
}

// Lookup answers what the rules need to know about users and patients.
type Lookup interface {
	User(ctx context.Context, id int64) (*chartroom.User, error)
	Patient(ctx context.Context, id int64) (*chartroom.Patient, error)
	FindEncounters(ctx context.Context, f chartroom.EncounterFilter) (chartroom.Page[*chartroom.Encounter], error)
}

// Options tune the rules.
type Options struct {
	WorkStart, WorkEnd int // working hours, local; default 7 and 19
	Location           *time.Location
	VolumeFactor       float64 // a day above this many times the user's daily average is unusual; default 3
	VolumeMinimum      int     // and above this many patients; default 25
}

// Check applies every rule to entries (one period of the trail, oldest
// first). history gives, per user, the number of distinct patients per day
// in the weeks before, for the volume rule.
func Check(ctx context.Context, entries []*audit.Entry, look Lookup, history map[int64]float64, o Options) ([]Hit, error) {
	if o.WorkStart == 0 && o.WorkEnd == 0 {
		o.WorkStart, o.WorkEnd = 7, 19
	}
	if o.Location == nil {
		o.Location = time.Local
	}
	if o.VolumeFactor == 0 {
		o.VolumeFactor = 3
	}
	if o.VolumeMinimum == 0 {
		o.VolumeMinimum = 25
	}
	users := map[int64]*chartroom.User{}
	patients := map[int64]*chartroom.Patient{}
	seen := map[[2]int64]bool{} // (user, patient) already judged in this period
	type dayKey struct {
		user int64
		day  string
	}
	perDay := map[dayKey]map[int64]bool{}
	var hits []Hit
	for _, e := range entries {
		if e.PatientID == 0 || e.UserID == 0 || e.Outcome != audit.Success {
			continue
		}
		if e.Action != audit.Read && e.Action != audit.Update && e.Action != audit.Print && e.Action != audit.Export {
			continue
		}
		local := e.At.In(o.Location)
		dk := dayKey{e.UserID, local.Format("2006-01-02")}
		if perDay[dk] == nil {
			perDay[dk] = map[int64]bool{}
		}
		perDay[dk][e.PatientID] = true
		if h := local.Hour(); h < o.WorkStart || h >= o.WorkEnd || local.Weekday() == time.Saturday || local.Weekday() == time.Sunday {
			key := [2]int64{e.UserID, -e.PatientID}
			if !seen[key] {
				seen[key] = true
				hits = append(hits, Hit{Rule: AfterHours, Entry: e, Patient: e.PatientID, Detail: local.Format("Mon 15:04")})
			}
		}
		key := [2]int64{e.UserID, e.PatientID}
		if seen[key] {
			continue
		}
		seen[key] = true
		u, ok := users[e.UserID]
		if !ok {
			u, _ = look.User(ctx, e.UserID)
			users[e.UserID] = u
		}
		p, ok := patients[e.PatientID]
		if !ok {
			p, _ = look.Patient(ctx, e.PatientID)
			patients[e.PatientID] = p
		}
		if u == nil || p == nil {
			continue
		}
		family, given := nameOf(u)
		switch {
		case family != "" && chartroom.NormName(p.Name.Family) == family && chartroom.NormName(p.Name.Given) == given:
			hits = append(hits, Hit{Rule: OwnRecord, Entry: e, Patient: p.ID, Detail: "the patient has the user's name"})
		case family != "" && chartroom.NormName(p.Name.Family) == family:
			hits = append(hits, Hit{Rule: SameFamilyName, Entry: e, Patient: p.ID, Detail: "the patient shares the user's family name"})
		}
		if p.Confidentiality.VIP || p.Confidentiality.Employee {
			hits = append(hits, Hit{Rule: Confidential, Entry: e, Patient: p.ID, Detail: flags(p.Confidentiality)})
		}
		if !u.WorksAt("*") && len(u.Facilities) > 0 {
			related := false
			for _, f := range u.Facilities {
				page, err := look.FindEncounters(ctx, chartroom.EncounterFilter{PatientID: p.ID, Facility: f, Limit: 1})
				if err != nil {
					return nil, err
				}
				if len(page.Items) > 0 {
					related = true
					break
				}
			}
			if !related {
				hits = append(hits, Hit{Rule: NoRelationship, Entry: e, Patient: p.ID, Detail: "no encounter at " + strings.Join(u.Facilities, ", ")})
			}
		}
	}
	for dk, ps := range perDay {
		avg := history[dk.user]
		n := len(ps)
		if n >= o.VolumeMinimum && float64(n) > o.VolumeFactor*avg {
			hits = append(hits, Hit{Rule: Volume, Entry: &audit.Entry{UserID: dk.user, At: mustDay(dk.day, o.Location)},
				Detail: dk.day + ": " + itoa(n) + " patients against a usual " + ftoa(avg) + " a day"})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].Entry.At.Before(hits[j].Entry.At) })
	return hits, nil
}

// DailyAverages counts distinct patients per user per day over entries
// (the weeks before the period) and returns each user's mean per active day.
func DailyAverages(entries []*audit.Entry, loc *time.Location) map[int64]float64 {
	if loc == nil {
		loc = time.Local
	}
	days := map[int64]map[string]map[int64]bool{}
	for _, e := range entries {
		if e.PatientID == 0 || e.UserID == 0 {
			continue
		}
		d := e.At.In(loc).Format("2006-01-02")
		if days[e.UserID] == nil {
			days[e.UserID] = map[string]map[int64]bool{}
		}
		if days[e.UserID][d] == nil {
			days[e.UserID][d] = map[int64]bool{}
		}
		days[e.UserID][d][e.PatientID] = true
	}
	out := map[int64]float64{}
	for u, ds := range days {
		total := 0
		for _, ps := range ds {
			total += len(ps)
		}
		out[u] = float64(total) / float64(len(ds))
	}
	return out
}

func nameOf(u *chartroom.User) (family, given string) {
	f := strings.Fields(u.Name)
	if len(f) < 2 {
		return "", ""
	}
	return chartroom.NormName(f[len(f)-1]), chartroom.NormName(f[0])
}

func flags(c chartroom.Confidentiality) string {
	var s []string
	if c.VIP {
		s = append(s, "VIP")
	}
	if c.Employee {
		s = append(s, "employee")
	}
	return strings.Join(s, ", ") + " record"
}

func mustDay(d string, loc *time.Location) time.Time {
	t, _ := time.ParseInLocation("2006-01-02", d, loc)
	return t
}

func itoa(n int) string { return string(appendInt(nil, n)) }

func ftoa(f float64) string {
	s := []byte{}
	whole := int(f)
	frac := int((f-float64(whole))*10 + 0.5)
	if frac == 10 {
		whole, frac = whole+1, 0
	}
	s = appendInt(s, whole)
	s = append(s, '.')
	s = appendInt(s, frac)
	return string(s)
}

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}
