package codeset_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/chartroom/chartroom/codeset"
	"github.com/google/go-cmp/cmp"
)

func TestDiffYears(t *testing.T) {
	line := func(n int, code, title string) string {
		return fmt.Sprintf("%05d %-7s 1 %-60s %s\r\n", n, code, title, title)
	}
	years := map[int]string{
		2025: line(1, "Q001", "Invented condition") + line(2, "Q002", "Old invented condition"),
		2026: line(1, "Q001", "Invented condition, renamed") + line(2, "Q003", "New invented condition"),
	}
	all := &codeset.Set{}
	for _, fy := range []int{2026, 2025} {
		s, err := codeset.ImportReader(context.Background(), fmt.Sprintf("icd10cm_order_%d.txt", fy), strings.NewReader(years[fy]), codeset.ImportOptions{Year: fy})
		if err != nil {
			t.Fatal(err)
		}
		all.Merge(s)
	}
	if d := cmp.Diff([]int{2025, 2026}, all.Versions(codeset.ICD10CM)); d != "" {
		t.Errorf("Versions (-want +got):\n%s", d)
	}
	got, err := all.DiffYears(codeset.ICD10CM, 2025, 2026)
	if err != nil {
		t.Fatal(err)
	}
	want := []codeset.DiffEntry{
		{Kind: codeset.Revised, Change: "retitled", Code: "Q00.1", Title: "Invented condition, renamed", OldTitle: "Invented condition"},
		{Kind: codeset.Deleted, Change: "deleted", Code: "Q00.2", Title: "Old invented condition"},
		{Kind: codeset.Added, Change: "added", Code: "Q00.3", Title: "New invented condition"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("DiffYears (-want +got):\n%s", d)
	}
	_, err = all.DiffYears(codeset.ICD10CM, 2024, 2026)
	var nr *codeset.NoReleaseError
	if !errors.As(err, &nr) || nr.Year != 2024 || err.Error() != "no icd10cm release for 2024 is loaded; loaded: 2025, 2026" {
		t.Errorf("a year not loaded: %v", err)
	}
	if _, err := all.DiffYears(codeset.CPT, 2025, 2026); err == nil || !strings.Contains(err.Error(), "loaded: none") {
		t.Errorf("a system not loaded: %v", err)
	}
}
