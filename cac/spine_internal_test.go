package cac

import "testing"

func TestSpineRegion(t *testing.T) {
	for in, want := range map[string]string{
		"Degenerative spondylolisthesis L4-5":      "Degenerative spondylolisthesis lumbar",
		"disc herniation L5-S1 with radiculopathy": "disc herniation lumbosacral with radiculopathy",
		"C5/C6 disc degeneration":                  "cervical disc degeneration",
		"compression fracture T12":                 "compression fracture thoracic",
		"T12-L1 compression fracture":              "thoracolumbar compression fracture",
		"T2 weighted MRI normal":                   "T2 weighted MRI normal", // no spine word: not a level
		"S1 S2 normal, no murmur":                  "S1 S2 normal, no murmur",
		"T2N0 breast cancer":                       "T2N0 breast cancer",
		"stage 3a CKD":                             "stage 3a CKD",
	} {
		if got := spineRegion(in, ""); got != want {
			t.Errorf("spineRegion(%q) = %q, want %q", in, got, want)
		}
	}
	if got := spineRegion("spondylolisthesis L4-L5", " region"); got != "spondylolisthesis lumbar region" {
		t.Errorf("with suffix: %q", got)
	}
}

func TestSoftWrap(t *testing.T) {
	body := "1. Lumbar spinal stenosis with neurogenic claudication. No cauda\n   equina syndrome.\n2. Hypertension\nwell controlled on two drugs today\nDIABETES MELLITUS TYPE 2 WELL CONTROLLED,\n   on metformin"
	var got []bool
	for i := 0; i < len(body); i++ {
		if body[i] == '\n' {
			got = append(got, softWrap(body, i))
		}
	}
	// a run-on line and a lower-case continuation; a line closed by a
	// full stop; a short line; a line followed by one in capitals; a long
	// line ending in a comma
	want := []bool{true, false, false, false, true}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line end %d: softWrap = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestHasLevel(t *testing.T) {
	for in, want := range map[string]bool{
		"L4-5": true, "at C5/C6": true, "(T12)": true, "S1 S2 normal": true,
		"HTN, CKD 3b": false, "ACL tear": false, "BMI 31": false, "T": false, "": false, "AL2": false,
	} {
		if got := hasLevel(in); got != want {
			t.Errorf("hasLevel(%q) = %v, want %v", in, got, want)
		}
	}
}
