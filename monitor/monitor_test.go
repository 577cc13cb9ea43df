package monitor_test

import (
	"context"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/audit"
	"github.com/chartroom/chartroom/monitor"
)

type fake struct {
	users    map[int64]*chartroom.User
	patients map[int64]*chartroom.Patient
	encs     map[int64][]string // patient → facilities with encounters
}

func (f fake) User(ctx context.Context, id int64) (*chartroom.User, error) { return f.users[id], nil }
func (f fake) Patient(ctx context.Context, id int64) (*chartroom.Patient, error) {
	return f.patients[id], nil
}
func (f fake) FindEncounters(ctx context.Context, fl chartroom.EncounterFilter) (chartroom.Page[*chartroom.Encounter], error) {
	var p chartroom.Page[*chartroom.Encounter]
	for _, fac := range f.encs[fl.PatientID] {
		if fac == fl.Facility {
			p.Items = append(p.Items, &chartroom.Encounter{Facility: fac})
		}
	}
	return p, nil
}

func TestRules(t *testing.T) {
	loc := time.UTC
	f := fake{
		users: map[int64]*chartroom.User{1: {ID: 1, Name: "Marta Lindqvist", Facilities: []string{"MAIN"}}, 2: {ID: 2, Name: "Ken Obi", Facilities: []string{"MAIN"}}},
		patients: map[int64]*chartroom.Patient{
			10: {ID: 10, Name: chartroom.PersonName{Family: "Lindqvist", Given: "Marta"}},
			11: {ID: 11, Name: chartroom.PersonName{Family: "Lindqvist", Given: "Per"}},
			12: {ID: 12, Name: chartroom.PersonName{Family: "Famous", Given: "Star"}, Confidentiality: chartroom.Confidentiality{VIP: true}},
			13: {ID: 13, Name: chartroom.PersonName{Family: "Stranger", Given: "Ann"}},
		},
		encs: map[int64][]string{10: {"MAIN"}, 11: {"MAIN"}, 12: {"MAIN"}},
	}
	day := time.Date(2026, 11, 24, 10, 0, 0, 0, loc) // a Tuesday
	read := func(u, p int64, at time.Time) *audit.Entry {
		return &audit.Entry{UserID: u, PatientID: p, Action: audit.Read, Outcome: audit.Success, At: at}
	}
	entries := []*audit.Entry{read(1, 10, day), read(1, 11, day), read(1, 12, day), read(1, 13, day), read(2, 13, day.Add(12*time.Hour))}
	for i := int64(100); i < 140; i++ {
		f.patients[i] = &chartroom.Patient{ID: i, Name: chartroom.PersonName{Family: "P", Given: "Q"}}
		f.encs[i] = []string{"MAIN"}
		entries = append(entries, read(2, i, day))
	}
	hits, err := monitor.Check(context.Background(), entries, f, map[int64]float64{2: 5}, monitor.Options{Location: loc})
	if err != nil {
		t.Fatal(err)
	}
	got := map[monitor.Rule][]int64{}
	for _, h := range hits {
		got[h.Rule] = append(got[h.Rule], h.Patient)
	}
	want := map[monitor.Rule]int{monitor.OwnRecord: 1, monitor.SameFamilyName: 1, monitor.Confidential: 1, monitor.NoRelationship: 2, monitor.AfterHours: 1, monitor.Volume: 1}
	for r, n := range want {
		if len(got[r]) != n {
			t.Errorf("%s: %d hits %v, want %d", r, len(got[r]), got[r], n)
		}
	}
	if got[monitor.OwnRecord][0] != 10 || got[monitor.SameFamilyName][0] != 11 || got[monitor.Confidential][0] != 12 {
		t.Errorf("hits: %v", got)
	}
}
