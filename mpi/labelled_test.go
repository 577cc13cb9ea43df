package mpi_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chartroom/chartroom/mpi"
)

const immDir = "../../shared/data/mpi/aira_immregistries_pairs"

type labelledPair struct {
	test, scenario, expect string
	a, b                   mpi.Record
}

// immRecord reads "key=value,key=value,…" from the immunization-registry
// test cases.
func immRecord(id, s string) mpi.Record {
	kv := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		if k, v, ok := strings.Cut(part, "="); ok {
			kv[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return mpi.Record{
		ID: id, Given: kv["nameFirst"], Middle: kv["nameMiddle"], Family: kv["nameLast"], BirthDate: kv["birthDate"],
		Sex: kv["gender"], Street: kv["addressStreet1"], Line2: kv["addressStreet2"], City: kv["addressCity"],
		State: kv["addressState"], Postal: kv["addressZip"], Phone: kv["phone"], SSN: kv["ssn"],
	}
}

func readLabelled(t *testing.T, name string) []labelledPair {
	t.Helper()
	f, err := os.Open(filepath.Join(immDir, name))
	if err != nil {
		t.Skipf("labelled pairs not found at %s (the repo's parent holds shared/data): %v", immDir, err)
	}
	defer f.Close()
	var out []labelledPair
	var cur labelledPair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "TEST: "):
			cur = labelledPair{test: strings.TrimPrefix(line, "TEST: ")}
			if parts := strings.Split(cur.test, ":"); len(parts) > 1 {
				cur.scenario = parts[1]
			}
		case strings.HasPrefix(line, "EXPECT: "):
			cur.expect = strings.TrimPrefix(line, "EXPECT: ")
		case strings.HasPrefix(line, "PATIENT A: "):
			cur.a = immRecord(cur.test+"/A", strings.TrimPrefix(line, "PATIENT A: "))
		case strings.HasPrefix(line, "PATIENT B: "):
			cur.b = immRecord(cur.test+"/B", strings.TrimPrefix(line, "PATIENT B: "))
			out = append(out, cur)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabelledPairs reports how the matcher's decisions agree with the
// labels of the immunization-registry test cases: Match ↔ link, Possible
// Match ↔ review, Not a Match ↔ nonmatch. The labels come from another
// tool's policy (it weighs mothers' maiden names, guardians and shot
// histories, which Chartroom does not compare), so agreement is reported,
// and only a floor is held: that a labelled match is never called a
// non-match by a wide margin and the reverse.
func TestLabelledPairs(t *testing.T) {
	for _, file := range []string{"Dev-Test-2015-01-01.txt", "MIIS-B.txt"} {
		t.Run(file, func(t *testing.T) {
			pairs := readLabelled(t, file)
			// u and the prior come from all the records of the file.
			var recs []mpi.Record
			for _, p := range pairs {
				recs = append(recs, p.a, p.b)
			}
			res, err := mpi.Dedupe(context.Background(), recs, mpi.Options{})
			if err != nil {
				t.Fatal(err)
			}
			confusion := map[string]map[mpi.Decision]int{}
			byScenario := map[string][2]int{}
			agree, binary, binaryN := 0, 0, 0
			for _, p := range pairs {
				d := mpi.Explain(res.Model, p.a, p.b).Decision
				if confusion[p.expect] == nil {
					confusion[p.expect] = map[mpi.Decision]int{}
				}
				confusion[p.expect][d]++
				want := map[string]mpi.Decision{"Match": mpi.AutoLink, "Possible Match": mpi.Review, "Not a Match": mpi.NonMatch}[p.expect]
				s := byScenario[p.scenario]
				s[1]++
				if d == want {
					agree++
					s[0]++
				}
				byScenario[p.scenario] = s
				if p.expect == "Match" || p.expect == "Not a Match" {
					binaryN++
					if (p.expect == "Match") == (d != mpi.NonMatch) {
						binary++
					}
				}
			}
			for _, e := range []string{"Match", "Possible Match", "Not a Match"} {
				c := confusion[e]
				t.Logf("%-15s → link %4d  review %4d  nonmatch %4d", e, c[mpi.AutoLink], c[mpi.Review], c[mpi.NonMatch])
			}
			t.Logf("three-way agreement %.3f (%d of %d); match vs not-a-match agreement %.3f (%d of %d)",
				float64(agree)/float64(len(pairs)), agree, len(pairs), float64(binary)/float64(binaryN), binary, binaryN)
			var names []string
			for n := range byScenario {
				names = append(names, n)
			}
			sort.Strings(names)
			for _, n := range names {
				if s := byScenario[n]; s[0] < s[1]*6/10 {
					t.Logf("  weakest: %-34s %d of %d agree", n, s[0], s[1])
				}
			}
			if r := float64(binary) / float64(binaryN); r < 0.8 {
				t.Errorf("match vs not-a-match agreement %.3f, want at least 0.8", r)
			}
		})
	}
}

// TestPinnedModel checks that a site's pinned values survive fitting and
// that the model reads back from its JSON form.
func TestPinnedModel(t *testing.T) {
	recs := readFebrl(t, "dataset1.csv")
	pinned := mpi.DefaultModel()
	pinned.Pinned[mpi.Given] = true
	pinned.M[mpi.Given] = [6]float64{0, 0.7, 0.1, 0.1, 0.05, 0.05}
	pinned.U[mpi.Given] = [6]float64{0, 0.01, 0.01, 0.02, 0.06, 0.9}
	b, err := pinned.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back mpi.Model
	if err := back.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	res, err := mpi.Dedupe(context.Background(), recs, mpi.Options{Model: &back})
	if err != nil {
		t.Fatal(err)
	}
	for l := 1; l <= 5; l++ {
		if got, want := res.Model.M[mpi.Given][l], pinned.M[mpi.Given][l]; got < want-1e-9 || got > want+1e-9 {
			t.Errorf("pinned m[%d] = %v, want %v", l, got, want)
		}
		if got, want := res.Model.U[mpi.Given][l], pinned.U[mpi.Given][l]; got < want-1e-9 || got > want+1e-9 {
			t.Errorf("pinned u[%d] = %v, want %v", l, got, want)
		}
	}
	if res.Model.M[mpi.Family] == pinned.M[mpi.Family] {
		t.Error("an unpinned field was not estimated")
	}
	if err := back.UnmarshalJSON([]byte(`{"lambda":0.001,"link_at":0.9,"review_at":0.5,"fields":[{"field":"shoe_size","levels":[]}]}`)); err == nil {
		t.Error("a model with an unknown field was accepted")
	}
}
