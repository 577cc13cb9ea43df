package codeset

import (
	"strings"
	"testing"
)

func TestShowValidateDiffBuilder(t *testing.T) {
	s := loadFull(t)
	d := NewDate(2026, 1, 15)

	info, err := s.Show(0, "S72.001A", d)
	if err != nil {
		t.Fatal(err)
	}
	if !info.Billable || info.SeventhAt != "S72" || len(info.Hierarchy) < 5 || info.Hierarchy[0].Kind != "chapter" {
		t.Errorf("Show S72.001A: %+v", info)
	}
	var hasEx1 bool
	for _, n := range info.Notes {
		if n.Kind == NoteExcludes1 && n.At == "S72" {
			hasEx1 = true
		}
	}
	if !hasEx1 {
		t.Errorf("Show S72.001A lacks the inherited Excludes1 of S72: %+v", info.Notes)
	}
	pcs, err := s.Show(0, "0DTJ4ZZ", d)
	if err != nil || len(pcs.Axes) != 7 || pcs.Axes[3].Label != "Appendix" || pcs.Axes[2].Definition == "" {
		t.Errorf("Show 0DTJ4ZZ: %+v %v", pcs, err)
	}

	cases := []struct {
		name  string
		codes []string
		opt   ValidateOptions
		rule  string
	}{
		{"header", []string{"I21"}, ValidateOptions{Date: d, Age: -1}, "header-code"},
		{"missing 7th", []string{"S72.001"}, ValidateOptions{Date: d, Age: -1}, "seventh-character"},
		{"bad 7th", []string{"S72.001Z"}, ValidateOptions{Date: d, Age: -1}, "seventh-character"},
		{"placeholder", []string{"S13.4A"}, ValidateOptions{Date: d, Age: -1}, "placeholder"},
		{"not on date", []string{"B88.0"}, ValidateOptions{Date: d, Age: -1}, "header-code"},
		{"added later", []string{"B88.01"}, ValidateOptions{Date: NewDate(2025, 3, 1), Age: -1}, "not-valid-on-date"},
		{"excludes1", []string{"E11.9", "E10.9"}, ValidateOptions{Date: d, Age: -1}, "excludes1"},
		{"manifestation", []string{"F02.80", "G30.9"}, ValidateOptions{Date: d, Age: -1, Principal: "F02.80"}, "manifestation-principal"},
		{"sex", []string{"N40.0"}, ValidateOptions{Date: d, Age: 60, Sex: 'F'}, "sex"},
		{"age", []string{"B08.20"}, ValidateOptions{Date: d, Age: 40}, "age"},
		{"unacceptable principal", []string{"Z99.2"}, ValidateOptions{Date: d, Age: 40}, "unacceptable-principal"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := s.Validate(c.codes, c.opt)
			for _, p := range ps {
				if p.Rule == c.rule {
					return
				}
			}
			t.Errorf("Validate(%v) = %+v, want a %s problem", c.codes, ps, c.rule)
		})
	}
	if ps := s.Validate([]string{"J18.9", "E11.9"}, ValidateOptions{Date: d, Age: 60, Sex: 'M'}); len(ps) != 0 {
		t.Errorf("clean list has problems: %+v", ps)
	}

	diff := Diff(s.ReleaseFor(ICD10CM, 2025), s.ReleaseFor(ICD10CM, 2026))
	counts := map[string]int{}
	for _, e := range diff {
		counts[e.Change]++
	}
	if counts["retitled"] < 38 || counts["added"] < 487 {
		t.Errorf("diff FY2025→FY2026: %v", counts)
	}

	ch, err := s.PCSNext("0DT")
	if err != nil || len(ch) == 0 {
		t.Fatal(err)
	}
	ch, err = s.PCSNext("0DTJ4Z")
	if err != nil || len(ch) == 0 || ch[len(ch)-1].Code == "" {
		t.Fatalf("PCSNext(0DTJ4Z) = %+v, %v", ch, err)
	}
	var codes []string
	for _, c := range ch {
		codes = append(codes, c.Code)
	}
	if !strings.Contains(strings.Join(codes, " "), "0DTJ4ZZ") {
		t.Errorf("PCSNext(0DTJ4Z) codes %v lack 0DTJ4ZZ", codes)
	}
}
