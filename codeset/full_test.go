package codeset

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	fullOnce sync.Once
	fullSet  *Set
	fullErr  error
)

// fullPaths are the files of a realistic site: FY2026 CM and PCS, the FY2017
// XML (tabular, index and tables: the only XML set available), HCPCS, GEMs
// and the MCE lists.
func fullPaths(d string) []string {
	return []string{
		filepath.Join(d, "icd10cm/2026/2026-code-descriptions-tabular-order.zip"),
		filepath.Join(d, "icd10pcs/2026/2026-icd-10-pcs-order-file-long-and-abbreviated-titles.zip"),
		filepath.Join(d, "icd10pcs/2026/icd10pcs_tables_2026.xml"),
		filepath.Join(d, "icd10pcs/2026/icd10pcs_definitions_2026.xml"),
		filepath.Join(d, "icd10cm/2017/ICD10CM_FY2017_Full_XML.zip"),
		filepath.Join(d, "hcpcs/2019/2019-Alpha-Numeric-HCPCS-File.zip"),
		filepath.Join(d, "gems/Dxgem_2018.zip"),
		filepath.Join(d, "gems/gem_pcsi9.txt"),
		filepath.Join(d, "gems/gem_i9pcs.txt"),
		filepath.Join(d, "edits/mce/MCE_Simple_Code_Edits_v37.txt"),
	}
}

func loadFull(t testing.TB) *Set {
	t.Helper()
	d := needData(t)
	fullOnce.Do(func() {
		fullSet, fullErr = Import(context.Background(), fullPaths(d), ImportOptions{Progress: func(l string) { t.Log(l) }})
		if fullErr == nil {
			fullSet.Searcher()
		}
	})
	if fullErr != nil {
		t.Fatal(fullErr)
	}
	return fullSet
}

func TestTry(t *testing.T) {
	qs := os.Getenv("CODESET_TRY")
	if qs == "" {
		t.Skip("set CODESET_TRY to queries separated by ;")
	}
	s := loadFull(t)
	for _, q := range strings.Split(qs, ";") {
		t.Logf("== %s", q)
		for _, r := range s.Searcher().Search(q, SearchOptions{Limit: 8, Explain: os.Getenv("CODESET_EXPLAIN") != ""}) {
			t.Logf("  %s\t%s\t%.3f\t[%s: %s]", r.Code, r.Title, r.Score, r.Source, r.Matched)
			for _, e := range r.Explain {
				t.Logf("      %s", e)
			}
		}
	}
}
