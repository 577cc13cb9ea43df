package cac_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chartroom/chartroom/cac"
)

// TestSuggestGolden writes every suggestion for every evaluation note to
// the file named by CAC_GOLDEN, to be compared before and after a change
// meant to keep the suggestions as they are (a speed-up): cmp the two
// files. Nothing is printed, so the held-out sets stay unread.
func TestSuggestGolden(t *testing.T) {
	out := os.Getenv("CAC_GOLDEN")
	if out == "" {
		t.Skip("set CAC_GOLDEN to a file to record the suggestions for comparison")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	x := searcher(t)
	dirs, _ := filepath.Glob("testdata/*") // every evaluation set, training and held-out
	for _, dir := range dirs {
		for _, n := range loadEvalSet(t, dir) {
			for _, inpatient := range []bool{n.Inpatient(), !n.Inpatient()} {
				got, err := cac.Suggest(n.Text, x, cac.Options{Inpatient: inpatient, Date: evalDate, Age: n.Age, Sex: n.Sex})
				fmt.Fprintf(w, "## %s/%s inpatient=%v err=%v\n", dir, n.Name, inpatient, err)
				for _, s := range got {
					fmt.Fprintf(w, "%s %s %.3f %d %d %q %v %v %q\n", s.System, s.Code, s.Confidence, s.Start, s.End, s.Section, s.Principal, s.Uncertain, s.Rule)
				}
			}
		}
	}
}
