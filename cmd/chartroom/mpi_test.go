package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readPairs(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "left_id,right_id,score,decision" {
		t.Fatalf("header: %v", rows)
	}
	return rows[1:]
}

// TestMPILinkFebrl links FEBRL 4a and 4b with the command as a user runs
// it and scores the output against the ids.
func TestMPILinkFebrl(t *testing.T) {
	dir := "../../../shared/data/mpi/febrl"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("FEBRL data not found at %s (the repo's parent holds shared/data)", dir)
	}
	out := filepath.Join(t.TempDir(), "pairs.csv")
	log, err := run1(t, nil, "mpi", "link", "--left", filepath.Join(dir, "dataset4a.csv"), "--right", filepath.Join(dir, "dataset4b.csv"), "--out", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if !strings.Contains(log, "100.0%") || !strings.Contains(log, "10000 records") {
		t.Errorf("no progress or summary:\n%s", log)
	}
	tp := 0
	rows := readPairs(t, out)
	for _, r := range rows {
		if strings.Split(r[0], "-")[1] == strings.Split(r[1], "-")[1] {
			tp++
		}
	}
	p, rc := float64(tp)/float64(len(rows)), float64(tp)/5000
	if f1 := 2 * p * rc / (p + rc); f1 < 0.995 {
		t.Errorf("F1 %.4f (precision %.4f recall %.4f)", f1, p, rc)
	}
}

// TestMPIDedupeBadRows dedupes a file with a missing column, a bad date and
// an empty name: each is a warning with its line, and scoring goes on.
func TestMPIDedupeBadRows(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "people.csv")
	os.WriteFile(in, []byte(strings.Join([]string{
		"patient,first,last,dob,zip",
		"1,Wilhelmina,Trevanion,1957-04-22,04011",
		"2,Willa,Trevanion,1957-04-22,04011",
		"3,Ottoline,Marchbanks,22/04/1957,04011",
		"4,,,1990-01-01,04011",
		"5,Ottoline",
		"6,Ottoline,Marchbanks,1957-04-23,04011",
	}, "\n")+"\n"), 0o600)
	out := filepath.Join(dir, "pairs.csv")
	log, err := run1(t, nil, "mpi", "dedupe", "--in", in, "--map", "id=patient,given=first,family=last,birth_date=dob,postal=zip", "--out", out, "--all")
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	for _, want := range []string{"people.csv:4: birth_date", "people.csv:5: name", "people.csv:6: row", "6 records, 3 warnings"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if rows := readPairs(t, out); len(rows) == 0 {
		t.Error("no pairs scored")
	}
	if _, err := run1(t, nil, "mpi", "dedupe", "--in", in, "--map", "given=nosuch"); err == nil || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("a mapping to a missing column: %v", err)
	}
	if _, err := run1(t, nil, "mpi", "dedupe", "--in", in, "--map", "colour=first"); err == nil || !strings.Contains(err.Error(), "unknown field") {
		t.Errorf("a mapping of an unknown field: %v", err)
	}
}

// TestMPIDedupeIndex runs the batch search over a served index: the demo
// hospital's duplicate registrations land on the worklist, and a second run
// adds nothing new.
func TestMPIDedupeIndex(t *testing.T) {
	data := t.TempDir()
	startServer(t, data, true)
	out, err := run1(t, nil, "mpi", "dedupe", "--data", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "reading the index: 209 patients") || !strings.Contains(out, "100.0%") {
		t.Errorf("no progress:\n%s", out)
	}
	var n, added int
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "pairs on the worklist") {
			fmt.Sscanf(line, "%d pairs on the worklist, %d of them new", &n, &added)
		}
	}
	if n < 9 {
		t.Errorf("%d pairs for the demo's 9 duplicate registrations:\n%s", n, out)
	}
	again, err := run1(t, nil, "mpi", "dedupe", "--data", data)
	if err != nil || !strings.Contains(again, "0 of them new") {
		t.Errorf("second run: %v\n%s", err, again)
	}
}
