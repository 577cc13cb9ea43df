package cac_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/cac"
	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/demogen"
)

const dataDir = "../../shared/data/codesets"

var (
	once sync.Once
	srch *codeset.Searcher
	err0 error
)

func searcher(t testing.TB) *codeset.Searcher {
	t.Helper()
	if _, err := os.Stat(dataDir); err != nil {
		t.Skipf("shared code set data not found at %s (the repo's parent holds shared/data): %v", dataDir, err)
	}
	once.Do(func() {
		var set *codeset.Set
		set, err0 = codeset.Import(context.Background(), []string{
			filepath.Join(dataDir, "icd10cm/2026/2026-code-descriptions-tabular-order.zip"),
			filepath.Join(dataDir, "icd10cm/2017/ICD10CM_FY2017_Full_XML.zip"),
			// the MCE's age and sex lists: no code for the other sex
			filepath.Join(dataDir, "edits/mce/MCE_Simple_Code_Edits_v37.txt"),
		}, codeset.ImportOptions{})
		if err0 == nil {
			srch = set.Searcher()
		}
	})
	if err0 != nil {
		t.Fatal(err0)
	}
	return srch
}

// visitText joins a demo visit's notes.
func visitText(v *demogen.Visit) string {
	var b strings.Builder
	for _, d := range v.Documents {
		b.WriteString(d.Text)
		b.WriteString("\n\n")
	}
	return b.String()
}

// tally counts suggestions against what a coder assigned: micro
// precision and recall over ICD-10-CM codes (the evaluation sets hold
// diagnoses; PCS candidates are confirmed in the builder), and the
// suggestions that name a code the note only negates, rules out or puts in
// the past.
type tally struct {
	notes, tp, fp, fn, mustNot, total, bytes int
	elapsed                                  time.Duration
	// quiet logs only the totals: a held-out set's notes are not shown to
	// whoever runs the tests (CAC_EVAL_SHOW=1 shows them).
	quiet bool
}

// add scores one note's suggestions.
func (c *tally) add(t *testing.T, name, note string, x *codeset.Searcher, opt cac.Options, expect, mustNot []string) {
	t.Helper()
	t0 := time.Now()
	got, _ := cac.Suggest(note, x, opt)
	c.elapsed += time.Since(t0)
	c.bytes += len(note)
	c.notes++
	want := map[string]bool{}
	for _, code := range expect {
		want[code] = true
	}
	bad := map[string]bool{}
	for _, code := range mustNot {
		bad[code] = true
	}
	gotSet := map[string]bool{}
	var codes []string
	for _, s := range got {
		if s.System != codeset.ICD10CM {
			continue
		}
		codes = append(codes, s.Code)
		gotSet[s.Code] = true
		c.total++
		if want[s.Code] {
			c.tp++
		} else {
			c.fp++
		}
		if bad[s.Code] {
			c.mustNot++
			if !c.quiet {
				t.Logf("%s: must-not %s suggested from %q", name, s.Code, s.Evidence)
			}
		}
	}
	for code := range want {
		if !gotSet[code] {
			c.fn++
		}
	}
	if testing.Verbose() && !c.quiet {
		t.Logf("%-28s want %v got %v", name, expect, codes)
		if os.Getenv("CAC_EVIDENCE") != "" {
			for _, s := range got {
				if !want[s.Code] && s.System == codeset.ICD10CM {
					t.Logf("   extra %s %.2f %s %q → %s", s.Code, s.Confidence, s.Rule, s.Evidence, s.Title)
				}
			}
		}
	}
}

func (c *tally) f1() (p, r, f float64) {
	p = float64(c.tp) / float64(max(c.tp+c.fp, 1))
	r = float64(c.tp) / float64(max(c.tp+c.fn, 1))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// report logs the figures against issue 7's bars (F1 ≥ 0.80, must-not
// codes in at most 2% of suggestions) and fails below the floors this
// version is known to reach, so that a change that makes it worse is
// caught. The bars themselves are judged on the held-out set and recorded
// in docs/BENCHMARKS.md.
func (c *tally) report(t *testing.T, what string, f1Floor, mustNotCeiling float64) {
	t.Helper()
	p, r, f := c.f1()
	share := float64(c.mustNot) / float64(max(c.total, 1))
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "not met"
	}
	t.Logf("%s, %d notes: precision %.3f recall %.3f F1 %.3f (bar 0.80: %s); must-not %d of %d suggestions (%.1f%%, bar 2%%: %s); %.2f MB/s",
		what, c.notes, p, r, f, met(f >= 0.80), c.mustNot, c.total, 100*share, met(share <= 0.02), float64(c.bytes)/c.elapsed.Seconds()/1e6)
	if f < f1Floor {
		t.Errorf("%s: F1 %.3f fell below %.2f", what, f, f1Floor)
	}
	if share > mustNotCeiling {
		t.Errorf("%s: must-not codes in %.1f%% of suggestions, above %.0f%%", what, 100*share, 100*mustNotCeiling)
	}
}

// TestEvalDemo scores the suggestions on the demo hospital's visits, whose
// scenarios carry the codes a coder would assign and the codes their notes
// mention only as negated, ruled out or historical.
func TestEvalDemo(t *testing.T) {
	x := searcher(t)
	h := demogen.Generate(1, 200, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	var c tally
	seenScenario := map[string]bool{}
	for _, p := range h.Patients {
		for _, v := range p.Visits {
			if len(v.Codes) == 0 || seenScenario[v.Scenario] {
				continue
			}
			seenScenario[v.Scenario] = true
			day := v.AdmitAt
			if v.DischargeAt != nil {
				day = *v.DischargeAt
			}
			sex := byte(0)
			if p.Sex == chartroom.SexFemale || p.Sex == chartroom.SexMale {
				sex = string(p.Sex)[0]
			}
			age := p.BirthDate.AgeOn(chartroom.DateOf(v.AdmitAt))
			c.add(t, v.Scenario, visitText(v), x, cac.Options{Inpatient: v.Class == chartroom.Inpatient, Date: codeset.DateOf(day), Age: age, Sex: sex}, v.Codes, v.MustNot)
		}
	}
	c.report(t, "demo scenarios", 0.6, 0.02)
}

// evalDate is the date of service for the evaluation notes: within FY2026,
// the release the shared order file holds.
var evalDate = codeset.NewDate(2026, 5, 1)

func evalNotes(t *testing.T, dir, what string, floor, ceiling float64, heldOut bool) {
	x := searcher(t)
	c := tally{quiet: heldOut && os.Getenv("CAC_EVAL_SHOW") == ""}
	for _, n := range loadEvalSet(t, dir) {
		c.add(t, n.Name, n.Text, x, cac.Options{Inpatient: n.Inpatient(), Date: evalDate, Age: n.Age, Sex: n.Sex}, n.Expect, n.MustNot)
	}
	c.report(t, what, floor, ceiling)
}

// TestEvalNotes scores the tuning set in testdata/eval; TestEvalHeldout the
// held-out set in testdata/heldout, which no rule was tuned on. Issue 7's
// bar is F1 ≥ 0.80 on notes not tuned on, with must-not codes in at most
// 2% of suggestions.
func TestEvalNotes(t *testing.T) { evalNotes(t, "testdata/eval", "tuning set", 0.90, 0.03, false) }
func TestEvalHeldout(t *testing.T) {
	evalNotes(t, "testdata/heldout", "held-out set", 0.85, 0.03, false)
}

// TestEvalHeldout2 scores the second held-out set, testdata/heldout2,
// written by someone who had not seen the engine, after the first held-out
// set had been looked at; its first figure is in docs/BENCHMARKS.md.
func TestEvalHeldout2(t *testing.T) {
	evalNotes(t, "testdata/heldout2", "second held-out set", 0.70, 0.05, false)
}

// TestEvalHeldout3 scores the third held-out set, testdata/heldout3: common
// cases, written by someone who had not seen the engine, and not read note
// by note since (only its totals are looked at).
func TestEvalHeldout3(t *testing.T) {
	evalNotes(t, "testdata/heldout3", "third held-out set", 0.75, 0.03, true)
}

// TestEvalHeldout4 scores the fourth held-out set, testdata/heldout4: 22
// notes (discharge summaries, ED notes, op notes, clinic visits) written
// in session 14 by someone who had read neither the engine nor the other
// sets, and first scored untouched at F1 0.587, must-not 4.1% (see
// docs/BENCHMARKS.md). Its op notes' ICD-10-PCS codes were taken out of
// the expected lists, since procedures are offered through the PCS
// builder, not scored here. Read only its totals.
func TestEvalHeldout4(t *testing.T) {
	evalNotes(t, "testdata/heldout4", "fourth held-out set", 0.70, 0.03, true)
}

// TestEvalHeldout5 scores the fifth held-out set, testdata/heldout5: 24
// notes written in session 15 by someone who had read neither the engine
// nor the other sets, while the engine was being changed on the training
// sets; scored once at the end of that session (docs/BENCHMARKS.md). Read
// only its totals.
func TestEvalHeldout5(t *testing.T) {
	evalNotes(t, "testdata/heldout5", "fifth held-out set", 0.60, 0.05, true)
}

// TestEvalTrain4 scores a fourth training set, testdata/train4: 26 notes
// written in session 15 by someone who had read neither the engine nor
// the other sets (a third of them with prose assessments), first scored
// untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain4(t *testing.T) {
	evalNotes(t, "testdata/train4", "fourth training set", 0.60, 0.05, false)
}

// TestEvalTrain5 scores a fifth training set, testdata/train5: 26 notes
// written in session 16 by someone who had read neither the engine nor
// the other sets, most with prose assessments; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain5(t *testing.T) {
	evalNotes(t, "testdata/train5", "fifth training set", 0.60, 0.07, false)
}

// TestEvalTrain6 scores a sixth training set, testdata/train6: 30 notes
// written in session 17 by someone who had read neither the engine nor
// the other sets, across the wards and clinics the other sets touch least
// (pancreatitis, bowel obstruction, ulcer bleeds, arthroplasty, psychiatry,
// paediatrics, oncology infusions, sickle cell crisis); first scored
// untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain6(t *testing.T) {
	evalNotes(t, "testdata/train6", "sixth training set", 0.55, 0.07, false)
}

// TestEvalHeldout6 scores a sixth held-out set, testdata/heldout6: 24
// notes written in session 16 by someone who had read neither the engine
// nor the other sets, while the engine was being changed on the training
// sets; scored at the end of that session (docs/BENCHMARKS.md). Read
// only its totals.
func TestEvalHeldout6(t *testing.T) {
	evalNotes(t, "testdata/heldout6", "sixth held-out set", 0.60, 0.07, true)
}

// TestEvalTrain7 scores a seventh training set, testdata/train7: 28 notes
// written in session 17 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md), then read
// note by note.
func TestEvalTrain7(t *testing.T) {
	evalNotes(t, "testdata/train7", "seventh training set", 0.55, 0.08, false)
}

// TestEvalTrain8 scores an eighth training set, testdata/train8: 30 notes
// written in session 18 by someone who had read neither the engine nor
// the other sets, half of them in narrative prose; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain8(t *testing.T) {
	evalNotes(t, "testdata/train8", "eighth training set", 0.55, 0.08, false)
}

// TestEvalTrain9 scores a ninth training set, testdata/train9: 30 notes
// written in session 18 by someone who had read neither the engine nor
// the other sets, each holding at least two of the traps that make an
// engine code what it must not; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain9(t *testing.T) {
	evalNotes(t, "testdata/train9", "ninth training set", 0.55, 0.08, false)
}

// TestEvalHeldout7 scores a seventh held-out set, testdata/heldout7: 24
// notes written in session 17 by someone who had read neither the engine
// nor the other sets, while the engine was being changed on the training
// sets; scored once at the end of that session (docs/BENCHMARKS.md). Read
// only its totals.
func TestEvalHeldout7(t *testing.T) {
	evalNotes(t, "testdata/heldout7", "seventh held-out set", 0.55, 0.08, true)
}

// TestEvalTrain2 scores a second training set, testdata/train2: 28 notes
// written in session 14 by someone who had read neither the engine nor the
// other sets, then read note by note and its misses fixed by general
// rules. Its first figure, untouched, is in docs/BENCHMARKS.md.
func TestEvalTrain2(t *testing.T) {
	evalNotes(t, "testdata/train2", "second training set", 0.75, 0.04, false)
}

// TestEvalTrain3 scores a third training set, testdata/train3: 26 notes
// in varied styles written in session 14 by someone who had read neither
// the engine nor the other sets, read note by note afterwards.
func TestEvalTrain3(t *testing.T) {
	evalNotes(t, "testdata/train3", "third training set", 0.62, 0.06, false)
}

// TestEvalHeldout8 scores an eighth held-out set, testdata/heldout8: 24
// notes written in session 18 by someone who had read neither the engine
// nor the other sets, while the engine was being changed on the training
// sets (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout8(t *testing.T) {
	evalNotes(t, "testdata/heldout8", "eighth held-out set", 0.60, 0.07, true)
}

// TestEvalTrain10 scores a tenth training set, testdata/train10: 30 notes
// written in session 19 by someone who had read neither the engine nor
// the other sets, a third of them prose, each with at least two traps;
// first scored untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain10(t *testing.T) {
	evalNotes(t, "testdata/train10", "tenth training set", 0.55, 0.08, false)
}

// TestEvalTrain11 scores an eleventh training set, testdata/train11: 30
// notes written in session 19 by someone who had read neither the engine
// nor the other sets, the charts of an ordinary day in clinician
// shorthand; first scored untouched (docs/BENCHMARKS.md), then read note
// by note.
func TestEvalTrain11(t *testing.T) {
	evalNotes(t, "testdata/train11", "eleventh training set", 0.55, 0.08, false)
}

// TestEvalHeldout9 scores a ninth held-out set, testdata/heldout9: 24
// notes written in session 19 by someone who had read neither the engine
// nor the other sets, while the engine was being changed on the training
// sets (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout9(t *testing.T) {
	evalNotes(t, "testdata/heldout9", "ninth held-out set", 0.55, 0.10, true)
}

// TestEvalTrain12 scores a twelfth training set, testdata/train12: 30
// notes written in session 19 by someone who had read neither the engine
// nor the other sets, weighted to emergency and clinic notes; first
// scored untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain12(t *testing.T) {
	evalNotes(t, "testdata/train12", "twelfth training set", 0.55, 0.10, false)
}

// TestEvalTrain13 scores a thirteenth training set, testdata/train13: 30
// notes written in session 19 by someone who had read neither the engine
// nor the other sets, a community hospital's charts by authors of
// different habits; first scored untouched (docs/BENCHMARKS.md), then
// read note by note.
func TestEvalTrain13(t *testing.T) {
	evalNotes(t, "testdata/train13", "thirteenth training set", 0.55, 0.10, false)
}

// TestEvalHeldout10 scores a tenth held-out set, testdata/heldout10: 24
// notes written at the end of session 19 by someone who had read neither
// the engine nor the other sets; first read once, at the session's last
// engine (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout10(t *testing.T) {
	evalNotes(t, "testdata/heldout10", "tenth held-out set", 0.55, 0.10, true)
}

// TestEvalTrain14 scores a fourteenth training set, testdata/train14: 30
// notes written in session 19 by someone who had read neither the engine
// nor the other sets, each with at least four must-not traps written the
// many ways clinicians write them; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain14(t *testing.T) {
	evalNotes(t, "testdata/train14", "fourteenth training set", 0.55, 0.15, false)
}

// TestEvalTrain15 scores a fifteenth training set, testdata/train15: 30
// notes written in session 19 by someone who had read neither the engine
// nor the other sets, each with at least four must-not traps in
// clinicians' shorthand; first scored untouched (docs/BENCHMARKS.md),
// then read note by note.
func TestEvalTrain15(t *testing.T) {
	evalNotes(t, "testdata/train15", "fifteenth training set", 0.55, 0.15, false)
}

// TestEvalHeldout11 scores an eleventh held-out set, testdata/heldout11:
// 24 notes written in session 20 by someone who had read neither the
// engine nor the other sets; only its totals are logged. Its first figure
// is in docs/BENCHMARKS.md.
func TestEvalHeldout11(t *testing.T) {
	evalNotes(t, "testdata/heldout11", "eleventh held-out set", 0.55, 0.10, true)
}

// TestEvalTrain16 scores a sixteenth training set, testdata/train16: 30
// notes written in session 20 by someone who had read neither the engine
// nor the other sets, in clinicians' shorthand and prose with at least
// four must-not traps each; first scored untouched (docs/BENCHMARKS.md),
// then read note by note.
func TestEvalTrain16(t *testing.T) {
	evalNotes(t, "testdata/train16", "sixteenth training set", 0.55, 0.15, false)
}

// TestEvalHeldout12 scores a twelfth held-out set, testdata/heldout12: 24
// notes written in session 20 by someone who had read neither the engine
// nor the other sets; only its totals are logged. Its first figure is in
// docs/BENCHMARKS.md.
func TestEvalHeldout12(t *testing.T) {
	evalNotes(t, "testdata/heldout12", "twelfth held-out set", 0.55, 0.10, true)
}

// TestEvalTrain17 scores a seventeenth training set, testdata/train17: 30
// notes written in session 20 by someone who had read neither the engine
// nor the other sets, in the documentation styles of different record
// templates and dictation habits; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain17(t *testing.T) {
	evalNotes(t, "testdata/train17", "seventeenth training set", 0.55, 0.15, false)
}

// TestEvalTrain18 scores an eighteenth training set, testdata/train18: 30
// notes written in session 20 by someone who had read neither the engine
// nor the other sets, each with at least five must-not traps of the kinds
// a naive system codes (ruled out, negated, past, a relative's, planned,
// uncertain at a visit, wrong specificity); first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain18(t *testing.T) {
	evalNotes(t, "testdata/train18", "eighteenth training set", 0.55, 0.15, false)
}

// TestEvalHeldout13 scores a thirteenth held-out set, testdata/heldout13:
// 24 notes of the everyday run of cases, written in session 21 by someone
// who had read neither the engine nor the other sets; first read at the
// end of that session (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout13(t *testing.T) {
	evalNotes(t, "testdata/heldout13", "thirteenth held-out set", 0.55, 0.10, true)
}

// TestEvalTrain19 scores a nineteenth training set, testdata/train19: 30
// notes written in session 21 by someone who had read neither the engine
// nor the other sets, weighted to hard areas (injuries and their
// encounters, device complications, stroke sequelae, pregnancy, cancer,
// substance use, status codes) in varied styles; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain19(t *testing.T) {
	evalNotes(t, "testdata/train19", "nineteenth training set", 0.55, 0.15, false)
}

// TestEvalTrain20 scores a twentieth training set, testdata/train20: 30
// notes of the everyday run of cases in varied styles, written in session
// 21 by someone who had read neither the engine nor the other sets; first
// scored untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain20(t *testing.T) {
	evalNotes(t, "testdata/train20", "twentieth training set", 0.55, 0.15, false)
}

// TestEvalTrain21 scores a twenty-first training set, testdata/train21: 30
// notes written in session 22 by someone who had read neither the engine
// nor the other sets, each with at least five must-not traps in varied
// wording (negated, ruled out, past, a relative's or someone else's,
// planned, uncertain at a visit, wrong specificity); first scored
// untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain21(t *testing.T) {
	evalNotes(t, "testdata/train21", "twenty-first training set", 0.55, 0.15, false)
}

// TestEvalTrain22 scores a twenty-second training set, testdata/train22:
// 30 notes of the everyday run (two thirds outpatient and ED) with three
// to five must-not traps each, written in session 22 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain22(t *testing.T) {
	evalNotes(t, "testdata/train22", "twenty-second training set", 0.55, 0.15, false)
}

// TestEvalTrain23 scores a twenty-third training set, testdata/train23:
// 30 notes in the documentation styles that are hard for software (long
// narrative courses and consults, long differentials mostly ruled out,
// copied-forward problem lists, mixed past histories, pathology that
// changes the diagnosis), written in session 22 by someone who had read
// neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain23(t *testing.T) {
	evalNotes(t, "testdata/train23", "twenty-third training set", 0.55, 0.15, false)
}

// TestEvalTrain24 scores a twenty-fourth training set, testdata/train24:
// 30 notes built around must-not traps (15 inpatient, 15 outpatient),
// written in session 23 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md), then read
// note by note.
func TestEvalTrain24(t *testing.T) {
	evalNotes(t, "testdata/train24", "twenty-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain25 scores a twenty-fifth training set, testdata/train25:
// 30 everyday notes across the specialties (10 inpatient, 20 outpatient),
// written in session 23 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md), then read
// note by note.
func TestEvalTrain25(t *testing.T) {
	evalNotes(t, "testdata/train25", "twenty-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain26 scores a twenty-sixth training set, testdata/train26:
// 30 inpatient notes (long courses by problem, copied-forward lists,
// differentials later settled, complications), written in session 23 by
// someone who had read neither the engine nor the other sets; first scored
// untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain26(t *testing.T) {
	evalNotes(t, "testdata/train26", "twenty-sixth training set", 0.55, 0.15, false)
}

// TestEvalTrain27 scores a twenty-seventh training set, testdata/train27:
// 30 outpatient and emergency visits (SOAP, templated, telehealth,
// specialist follow-ups, preventive visits), written in session 23 by
// someone who had read neither the engine nor the other sets; first scored
// untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain27(t *testing.T) {
	evalNotes(t, "testdata/train27", "twenty-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain28 scores a twenty-eighth training set, testdata/train28:
// 30 notes of a mixed day (10 ED, 10 inpatient, 10 outpatient), written in
// session 23 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain28(t *testing.T) {
	evalNotes(t, "testdata/train28", "twenty-eighth training set", 0.55, 0.15, false)
}

// TestEvalTrain29 scores a twenty-ninth training set, testdata/train29:
// 24 notes of subtle must-not traps (12 inpatient, 12 outpatient), written
// in session 23 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain29(t *testing.T) {
	evalNotes(t, "testdata/train29", "twenty-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain30 scores the thirtieth training set, testdata/train30: 30
// notes of traps that look like diagnoses (14 inpatient, 16 outpatient),
// written in session 24 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md), then read
// note by note.
func TestEvalTrain30(t *testing.T) {
	evalNotes(t, "testdata/train30", "thirtieth training set", 0.55, 0.15, false)
}

// TestEvalTrain31 scores the thirty-first training set, testdata/train31:
// 30 notes of an ordinary week in a community hospital (13 inpatient, 17
// outpatient), written in session 24 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md),
// then read note by note.
func TestEvalTrain31(t *testing.T) {
	evalNotes(t, "testdata/train31", "thirty-first training set", 0.55, 0.15, false)
}

// TestEvalTrain32 scores the thirty-second training set, testdata/train32:
// 30 notes on the outpatient uncertainty rule and its neighbours (24
// outpatient, 6 inpatient), written in session 24 by someone who had read
// neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain32(t *testing.T) {
	evalNotes(t, "testdata/train32", "thirty-second training set", 0.55, 0.15, false)
}

// TestEvalTrain33 scores the thirty-third training set, testdata/train33:
// 30 long, messy charts (26 inpatient, 4 outpatient), written in session
// 24 by someone who had read neither the engine nor the other sets; first
// scored untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain33(t *testing.T) {
	evalNotes(t, "testdata/train33", "thirty-third training set", 0.55, 0.15, false)
}

// TestEvalTrain34 scores the thirty-fourth training set, testdata/train34:
// 30 notes of the hardest must-not traps in ordinary notes (15 inpatient,
// 15 outpatient), written in session 24 by someone who had read neither
// the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain34(t *testing.T) {
	evalNotes(t, "testdata/train34", "thirty-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain35 scores the thirty-fifth training set, testdata/train35:
// 30 notes of pediatrics, obstetrics and the emergency department (5
// inpatient, 25 outpatient), written in session 24 by someone who had read
// neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain35(t *testing.T) {
	evalNotes(t, "testdata/train35", "thirty-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain36 scores the thirty-sixth training set, testdata/train36:
// 24 notes of must-not traps in many clinical voices (12 inpatient, 12
// outpatient), written in session 24 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md),
// then read note by note.
func TestEvalTrain36(t *testing.T) {
	evalNotes(t, "testdata/train36", "thirty-sixth training set", 0.55, 0.15, false)
}

// TestEvalHeldout14 scores a fourteenth held-out set, testdata/heldout14:
// 24 notes of the everyday run of cases (10 inpatient, 14 outpatient),
// written in session 22 by someone who had read neither the engine nor
// the other sets; first read at the end of that session
// (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout14(t *testing.T) {
	evalNotes(t, "testdata/heldout14", "fourteenth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout15 scores a fifteenth held-out set, testdata/heldout15:
// 24 notes of an ordinary day's charts (12 inpatient, 12 outpatient),
// written in session 23 by someone who had read neither the engine nor
// the other sets; read once, at the end of that session
// (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout15(t *testing.T) {
	evalNotes(t, "testdata/heldout15", "fifteenth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout16 scores a sixteenth held-out set, testdata/heldout16:
// 24 notes of a representative mix (11 inpatient, 13 outpatient), written
// in session 24 by someone who had read neither the engine nor the other
// sets; committed unread and read once, at the end of that session
// (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout16(t *testing.T) {
	evalNotes(t, "testdata/heldout16", "sixteenth held-out set", 0.55, 0.10, true)
}

// TestEvalTrain37 scores the thirty-seventh training set, testdata/train37:
// 24 notes from outpatient specialty clinics and telehealth (18
// outpatient, 6 inpatient), written in session 25 by someone who had read
// neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain37(t *testing.T) {
	evalNotes(t, "testdata/train37", "thirty-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain38 scores the thirty-eighth training set, testdata/train38:
// 24 hospital notes with copied-forward differentials resolved later (16
// inpatient, 8 outpatient), written in session 25 by someone who had read
// neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain38(t *testing.T) {
	evalNotes(t, "testdata/train38", "thirty-eighth training set", 0.55, 0.15, false)
}

// TestEvalHeldout17 scores a seventeenth held-out set, testdata/heldout17:
// 24 notes of a week's representative mix (11 inpatient, 13 outpatient),
// written in session 25 by someone who had read neither the engine nor
// the other sets; committed unread and read once, at the end of that
// session (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout17(t *testing.T) {
	evalNotes(t, "testdata/heldout17", "seventeenth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout18 scores an eighteenth held-out set, testdata/heldout18:
// 24 notes of a representative mix (12 inpatient, 12 outpatient), written
// in session 25 by someone who had read neither the engine nor the other
// sets; committed unread and read once, at the end of that session
// (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout18(t *testing.T) {
	evalNotes(t, "testdata/heldout18", "eighteenth held-out set", 0.55, 0.10, true)
}

// TestEvalTrain39 scores the thirty-ninth training set, testdata/train39:
// 24 notes built around must-not traps in an ordinary week's mix (12
// inpatient, 12 outpatient), written in session 25 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain39(t *testing.T) {
	evalNotes(t, "testdata/train39", "thirty-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain40 scores the fortieth training set, testdata/train40: 24
// notes built around the must-not traps coders meet most (histories,
// family histories, another person's conditions, negative work-ups,
// copied-forward lists; 12 inpatient, 12 outpatient), written in session
// 26 by someone who had read neither the engine nor the other sets; first
// scored untouched (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain40(t *testing.T) {
	evalNotes(t, "testdata/train40", "fortieth training set", 0.55, 0.15, false)
}

// TestEvalTrain41 scores the forty-first training set, testdata/train41:
// 24 hospital and emergency notes whose documentation sets the traps
// (differentials the work-up answers, corrected copied-forward problems,
// consultants' and others' conditions; 14 inpatient, 10 outpatient),
// written in session 26 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md), then read
// note by note.
func TestEvalTrain41(t *testing.T) {
	evalNotes(t, "testdata/train41", "forty-first training set", 0.55, 0.15, false)
}

// TestEvalTrain42 scores the forty-second training set, testdata/train42:
// 24 notes, mostly outpatient follow-ups and telehealth, whose traps are
// a visit's (uncertain diagnoses, remission, history against current
// treatment, preventive drugs, family histories in many forms; 6
// inpatient, 18 outpatient), written in session 26 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain42(t *testing.T) {
	evalNotes(t, "testdata/train42", "forty-second training set", 0.55, 0.15, false)
}

// TestEvalTrain43 scores the forty-third training set, testdata/train43:
// 24 medicine and surgery notes with dense problem lists whose status
// words decide the coding, and addenda that correct them (16 inpatient, 8
// outpatient), written in session 26 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md),
// then read note by note.
func TestEvalTrain43(t *testing.T) {
	evalNotes(t, "testdata/train43", "forty-third training set", 0.55, 0.15, false)
}

// TestEvalTrain44 scores the forty-fourth training set, testdata/train44:
// 24 emergency and urgent care notes (injuries, negative work-ups, open
// differentials, follow-ups for healing; 4 inpatient, 20 outpatient),
// written in session 26 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md), then read
// note by note.
func TestEvalTrain44(t *testing.T) {
	evalNotes(t, "testdata/train44", "forty-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain45 scores the forty-fifth training set, testdata/train45:
// 24 notes written mostly in prose (consult letters, narrative discharge
// summaries and visits), whose traps live inside sentences (12
// inpatient, 12 outpatient), written in session 26 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain45(t *testing.T) {
	evalNotes(t, "testdata/train45", "forty-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain46 scores the forty-sixth training set, testdata/train46:
// 24 EHR-templated notes (problem lists with status columns, medication
// lists with stop dates, checkbox reviews, allergy and family tables; 12
// inpatient, 12 outpatient), written in session 26 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain46(t *testing.T) {
	evalNotes(t, "testdata/train46", "forty-sixth training set", 0.55, 0.15, false)
}

// TestEvalTrain47 scores the forty-seventh training set,
// testdata/train47: 24 pediatric, newborn, obstetric and gynecologic notes
// (12 inpatient, 12 outpatient), written in session 26 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain47(t *testing.T) {
	evalNotes(t, "testdata/train47", "forty-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain48 scores the forty-eighth training set,
// testdata/train48: 24 surgical and procedural notes (operative reports,
// pre-operative evaluations, post-operative visits, endoscopy; 12
// inpatient, 12 outpatient), written in session 26 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md), then read note by note.
func TestEvalTrain48(t *testing.T) {
	evalNotes(t, "testdata/train48", "forty-eighth training set", 0.55, 0.15, false)
}

// TestEvalTrain49 scores the forty-ninth training set, testdata/train49:
// 24 notes of elderly patients with many chronic conditions (discharge
// summaries, nursing-facility and geriatric visits; 16 inpatient, 8
// outpatient), written in session 26 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain49(t *testing.T) {
	evalNotes(t, "testdata/train49", "forty-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain50 scores the fiftieth training set, testdata/train50: 24
// behavioral health and substance use notes (10 inpatient, 14
// outpatient), written in session 26 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain50(t *testing.T) {
	evalNotes(t, "testdata/train50", "fiftieth training set", 0.55, 0.15, false)
}

// TestEvalTrain51 scores the fifty-first training set, testdata/train51:
// 24 dictated and transcribed notes of community hospitals and their
// clinics (14 inpatient, 10 outpatient), written in session 27 by someone
// who had read neither the engine nor the other sets; first scored
// untouched (docs/BENCHMARKS.md).
func TestEvalTrain51(t *testing.T) {
	evalNotes(t, "testdata/train51", "fifty-first training set", 0.55, 0.15, false)
}

// TestEvalTrain52 scores the fifty-second training set, testdata/train52:
// 24 specialists' follow-up and consult notes (8 inpatient, 16
// outpatient), written in session 27 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain52(t *testing.T) {
	evalNotes(t, "testdata/train52", "fifty-second training set", 0.55, 0.15, false)
}

// TestEvalTrain53 scores the fifty-third training set, testdata/train53:
// 24 notes of ICU, step-down and complex stays (16 inpatient) and the
// visits around them (8 outpatient), written in session 27 by someone who
// had read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain53(t *testing.T) {
	evalNotes(t, "testdata/train53", "fifty-third training set", 0.55, 0.15, false)
}

// TestEvalTrain54 scores the fifty-fourth training set, testdata/train54:
// 24 primary care, urgent care and emergency notes (18 outpatient) and
// short stays (6 inpatient), written in session 27 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain54(t *testing.T) {
	evalNotes(t, "testdata/train54", "fifty-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain55 scores the fifty-fifth training set, testdata/train55:
// 24 pediatric and obstetric notes (newborn nursery and NICU, pediatric
// emergency and clinic visits, prenatal visits, deliveries, postpartum
// care, early pregnancy losses), written in session 28 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain55(t *testing.T) {
	evalNotes(t, "testdata/train55", "fifty-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain56 scores the fifty-sixth training set, testdata/train56:
// 24 surgical, orthopedic and trauma notes (operative notes, fracture care
// with its 7th characters, complications of care, joint replacements),
// written in session 28 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain56(t *testing.T) {
	evalNotes(t, "testdata/train56", "fifty-sixth training set", 0.55, 0.15, false)
}

// TestEvalTrain57 scores the fifty-seventh training set, testdata/train57:
// 24 oncology, hematology and infectious disease notes (chemotherapy and
// immunotherapy encounters, neutropenic fever, metastases, sickle cell
// crises, HIV, hepatitis, skin and bone infections, sepsis; 14 inpatient,
// 10 outpatient), written in session 29 by someone who had read neither
// the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain57(t *testing.T) {
	evalNotes(t, "testdata/train57", "fifty-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain58 scores the fifty-eighth training set, testdata/train58:
// 24 notes of the specialties a general hospital codes less often
// (ophthalmology, ENT, dermatology, urology, gynecology, neurology,
// rheumatology, endoscopy; 16 outpatient, 8 inpatient), written in
// session 29 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain58(t *testing.T) {
	evalNotes(t, "testdata/train58", "fifty-eighth training set", 0.55, 0.15, false)
}

// TestEvalTrain59 scores the fifty-ninth training set, testdata/train59:
// 24 emergency, urgent care and trauma notes (injuries with their 7th
// characters and sides, burns, poisonings against adverse effects and
// underdosing, anaphylaxis, foreign bodies; 16 outpatient, 8 inpatient),
// written in session 29 by someone who had read neither the engine nor
// the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain59(t *testing.T) {
	evalNotes(t, "testdata/train59", "fifty-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain60 scores the sixtieth training set, testdata/train60: 24
// internal medicine and hospitalist notes of heart, lung, kidney and
// endocrine disease (heart failure by type and acuity, infarction types,
// atrial fibrillation, AKI on CKD, COPD and asthma exacerbations, sepsis
// with organ dysfunction, diabetic crises, thyroid and adrenal disease;
// 16 inpatient, 8 outpatient), written in session 30 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain60(t *testing.T) {
	evalNotes(t, "testdata/train60", "sixtieth training set", 0.55, 0.15, false)
}

// TestEvalTrain61 scores the sixty-first training set, testdata/train61:
// 24 primary care and telehealth notes (wellness and preventive visits
// with findings, chronic disease follow-up, screening results, vaccines,
// minor acute problems, problem lists mostly historical; 20 outpatient,
// 4 inpatient short stays), written in session 30 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain61(t *testing.T) {
	evalNotes(t, "testdata/train61", "sixty-first training set", 0.55, 0.15, false)
}

// TestEvalTrain62 scores the sixty-second training set, testdata/train62:
// 24 gastroenterology, hepatology and general surgery notes (bleeding by
// site and cause, cirrhosis and its complications, pancreatitis by cause,
// biliary disease, obstruction and hernias, diverticular and inflammatory
// bowel disease, endoscopy findings, postoperative complications; 14
// inpatient, 10 outpatient), written in session 30 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain62(t *testing.T) {
	evalNotes(t, "testdata/train62", "sixty-second training set", 0.55, 0.15, false)
}

// TestEvalTrain63 scores the sixty-third training set, testdata/train63:
// 24 neurology, psychiatry, geriatrics and post-acute care notes (stroke
// and its deficits, rehabilitation-stay sequelae, seizures and epilepsy,
// dementia by severity and behaviour, Parkinson disease, delirium, mood
// disorders by episode, substance use with complications, falls,
// fragility fractures and pressure injuries; 14 inpatient, 10
// outpatient), written in session 31 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain63(t *testing.T) {
	evalNotes(t, "testdata/train63", "sixty-third training set", 0.55, 0.15, false)
}

// TestEvalTrain64 scores the sixty-fourth training set, testdata/train64:
// 24 obstetrics, gynecology, pediatrics and urology notes (pregnancy
// complications with weeks of gestation, delivery and postpartum,
// gynecologic surgery, children's asthma, bronchiolitis, otitis and
// injuries, well-child visits with findings, stones, BPH, urinary
// infections and incontinence; 12 inpatient, 12 outpatient), written in
// session 31 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain64(t *testing.T) {
	evalNotes(t, "testdata/train64", "sixty-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain65 scores the sixty-fifth training set, testdata/train65:
// 24 hospitalist discharge summaries and progress notes with long
// multi-problem hospital courses (sepsis and its source, AKI on CKD,
// heart failure by type, COPD and asthma exacerbations, diabetes and its
// complications, electrolyte disorders, bleeds, VTE, delirium, falls,
// pressure injuries, malnutrition) in several hospitals' styles, and 6
// clinic visits after discharge; written in session 31 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain65(t *testing.T) {
	evalNotes(t, "testdata/train65", "sixty-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain66 scores the sixty-sixth training set, testdata/train66:
// 24 specialty clinic notes (rheumatology, endocrinology, dermatology,
// ophthalmology, ENT, allergy, sleep medicine and pain management, with
// laterality, disease activity, drug monitoring and long-term drug use,
// and what the specialist rules out or defers; 4 inpatient consults, 20
// outpatient), written in session 31 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain66(t *testing.T) {
	evalNotes(t, "testdata/train66", "sixty-sixth training set", 0.55, 0.15, false)
}

// TestEvalTrain67 scores the sixty-seventh training set, testdata/train67:
// 24 cardiology, pulmonology and nephrology notes from a hospital service
// and its clinics (heart failure by type and acuity, arrhythmias, coronary
// and valve disease, COPD and asthma, interstitial lung disease, embolism,
// pneumonia by organism, respiratory failure, CKD and dialysis, AKI,
// electrolytes), written in session 32 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain67(t *testing.T) {
	evalNotes(t, "testdata/train67", "sixty-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain68 scores the sixty-eighth training set, testdata/train68:
// 24 infectious disease, wound care, vascular surgery and endocrinology
// notes (sepsis by organism, cellulitis and abscesses by site, diabetic
// foot and pressure ulcers, peripheral artery disease, venous disease,
// thyroid, adrenal and pituitary disease, diabetes by type, HIV and
// hepatitis C), written in session 32 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain68(t *testing.T) {
	evalNotes(t, "testdata/train68", "sixty-eighth training set", 0.55, 0.15, false)
}

// TestEvalTrain69 scores the sixty-ninth training set, testdata/train69:
// 24 orthopedic, trauma and emergency notes (fractures by site, side,
// displacement and encounter, dislocations, sprains, tendon tears, head
// injuries, burns, poisonings and adverse effects, complications of care,
// falls with osteoporosis, aftercare), written in session 32 by someone
// who had read neither the engine nor the other sets; first scored
// untouched (docs/BENCHMARKS.md).
func TestEvalTrain69(t *testing.T) {
	evalNotes(t, "testdata/train69", "sixty-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain70 scores the seventieth training set, testdata/train70:
// 24 behavioral health, addiction medicine, oncology and palliative care
// notes (depression and bipolar episodes, anxiety and PTSD, psychosis,
// substance use with withdrawal, intoxication or remission, cancers by
// site with metastases and treatment, chemotherapy's adverse effects,
// hospice and goals of care), written in session 32 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain70(t *testing.T) {
	evalNotes(t, "testdata/train70", "seventieth training set", 0.55, 0.15, false)
}

// TestEvalTrain71 scores the seventy-first training set, testdata/train71:
// 24 general surgery, gastroenterology, hepatology and nephrology notes
// (GI bleeding by site and cause, pancreatitis and biliary disease,
// cirrhosis and its complications, hernias, bowel obstruction,
// diverticulitis, IBD, CKD and AKI, dialysis, stones, electrolytes,
// postoperative complications), written in session 33 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain71(t *testing.T) {
	evalNotes(t, "testdata/train71", "seventy-first training set", 0.55, 0.15, false)
}

// TestEvalTrain72 scores the seventy-second training set, testdata/train72:
// 24 paediatrics, obstetrics, geriatrics and neurology notes (bronchiolitis,
// otitis media, asthma, dehydration, pregnancy by trimester with its
// complications and outcomes, falls, dementia with behaviour, delirium,
// Parkinson disease, epilepsy, migraine, stroke and its sequelae,
// neuropathy), written in session 33 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain72(t *testing.T) {
	evalNotes(t, "testdata/train72", "seventy-second training set", 0.55, 0.15, false)
}

// TestEvalTrain73 scores the seventy-third training set, testdata/train73:
// 24 hospital medicine and ICU notes (respiratory failure by type and
// acuity, sepsis with organ dysfunction and shock, DKA and HHS, GI
// bleeding, infarctions by wall and type 2, heart failure, pulmonary
// embolism, electrolyte emergencies, encephalopathy, pressure injuries,
// malnutrition, ventilator and tracheostomy status), written in session
// 33 by someone who had read neither the engine nor the other sets; first
// scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain73(t *testing.T) {
	evalNotes(t, "testdata/train73", "seventy-third training set", 0.55, 0.15, false)
}

// TestEvalTrain74 scores the seventy-fourth training set, testdata/train74:
// 24 specialty clinic and ward notes (dermatology, ophthalmology, ENT,
// rheumatology, endocrinology, allergy, urology, gynaecology, sports
// medicine) with sides, stages, types, long-term drugs, screening against
// diagnostic encounters and aftercare, written in session 33 by someone
// who had read neither the engine nor the other sets; first scored
// untouched (docs/BENCHMARKS.md).
func TestEvalTrain74(t *testing.T) {
	evalNotes(t, "testdata/train74", "seventy-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain75 scores the seventy-fifth training set, testdata/train75:
// 24 urgent care and primary care notes (acute infections, minor injuries
// with their encounters, diabetes and hypertension with their
// complications, preventive visits, immunizations, BMI, tobacco and
// alcohol), written in session 33 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain75(t *testing.T) {
	evalNotes(t, "testdata/train75", "seventy-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain76 scores the seventy-sixth training set, testdata/train76:
// 24 surgical notes (op notes and discharge summaries for the common
// operations, their postoperative complications, aftercare and status
// codes, the organs removed), written in session 33 by someone who had
// read neither the engine nor the other sets; first scored untouched
// (docs/BENCHMARKS.md).
func TestEvalTrain76(t *testing.T) {
	evalNotes(t, "testdata/train76", "seventy-sixth training set", 0.55, 0.15, false)
}

// TestEvalTrain77 scores the seventy-seventh training set, testdata/train77:
// 24 cardiology and pulmonology notes (heart failure, arrhythmia, ACS,
// COPD and asthma, pneumonia, PE, their clinic follow-ups and procedure
// notes), written in session 34 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain77(t *testing.T) {
	evalNotes(t, "testdata/train77", "seventy-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain78 scores the seventy-eighth training set, testdata/train78:
// 24 oncology, haematology and infectious-disease notes (chemotherapy
// admissions, neutropenic fever, anaemias, coagulopathies, sepsis, HIV,
// cellulitis and osteomyelitis, UTIs with organisms, C. diff), written in session 34 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain78(t *testing.T) {
	evalNotes(t, "testdata/train78", "seventy-eighth training set", 0.55, 0.15, false)
}

// TestEvalTrain79 scores the seventy-ninth training set, testdata/train79:
// 24 emergency and trauma notes (fractures, lacerations, head
// injuries, burns, sprains, poisonings and adverse effects, subsequent
// and sequela visits, trauma admissions), written in session 34 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain79(t *testing.T) {
	evalNotes(t, "testdata/train79", "seventy-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain80 scores the eightieth training set, testdata/train80:
// 24 behavioural-health, substance-use, endocrine and renal notes
// (mood and psychotic disorders, alcohol and opioid use disorders,
// thyroid, adrenal and pituitary disorders, diabetes complications, CKD
// and dialysis, electrolytes), written in session 34 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain80(t *testing.T) {
	evalNotes(t, "testdata/train80", "eightieth training set", 0.55, 0.15, false)
}

// TestEvalTrain81 scores the eighty-first training set, testdata/train81:
// 24 paediatric, neonatal, obstetric and gynaecological notes
// (pregnancy episodes and weeks of gestation, deliveries and their
// outcomes, newborns, well-child visits), written in session 35 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain81(t *testing.T) {
	evalNotes(t, "testdata/train81", "eighty-first training set", 0.55, 0.15, false)
}

// TestEvalTrain82 scores the eighty-second training set, testdata/train82:
// 24 surgical, gastroenterology, orthopaedic and urology notes
// (operations, endoscopy, fractures by episode, postoperative
// complications, hernias, bleeding, stones), written in session 35 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain82(t *testing.T) {
	evalNotes(t, "testdata/train82", "eighty-second training set", 0.55, 0.15, false)
}

// TestEvalTrain83 scores the eighty-third training set, testdata/train83:
// 24 geriatric, neurology, wound-care and rehabilitation notes
// (stroke and its sequelae, dementia with behaviour, falls, pressure
// ulcers by site and stage, Parkinson disease, seizures), written in session 35 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain83(t *testing.T) {
	evalNotes(t, "testdata/train83", "eighty-third training set", 0.55, 0.15, false)
}

// TestEvalTrain84 scores the eighty-fourth training set, testdata/train84:
// 24 notes of an outpatient primary-care and urgent-care week
// (preventive visits, chronic disease, screening, minor infections,
// skin, musculoskeletal complaints, symptoms without a diagnosis), written in session 35 by someone who had read neither the
// engine nor the other sets; first scored untouched (docs/BENCHMARKS.md).
func TestEvalTrain84(t *testing.T) {
	evalNotes(t, "testdata/train84", "eighty-fourth training set", 0.55, 0.15, false)
}

// TestEvalTrain85 scores the eighty-fifth training set, testdata/train85:
// 24 notes of critical care and hospital medicine (ICU stays, sepsis and shock,
// respiratory failure, DKA, GI bleeds, kidney injury, overdoses), written in
// session 36 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain85(t *testing.T) {
	evalNotes(t, "testdata/train85", "eighty-fifth training set", 0.55, 0.15, false)
}

// TestEvalTrain86 scores the eighty-sixth training set, testdata/train86:
// 24 notes of cardiology and vascular medicine (clinic follow-ups, cath lab and EP
// procedures, heart failure, valves, arteries, clots, anticoagulation), written in
// session 36 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain86(t *testing.T) {
	evalNotes(t, "testdata/train86", "eighty-sixth training set", 0.55, 0.15, false)
}

// TestEvalTrain87 scores the eighty-seventh training set, testdata/train87:
// 24 notes of psychiatry and substance use (psychiatric admissions, detox, ED
// behavioral visits, addiction follow-ups, eating disorders), written in
// session 36 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain87(t *testing.T) {
	evalNotes(t, "testdata/train87", "eighty-seventh training set", 0.55, 0.15, false)
}

// TestEvalTrain88 scores the eighty-eighth training set, testdata/train88:
// 24 notes of nephrology, transplant, endocrinology and infectious disease (CKD and
// dialysis, transplant status, thyroid and adrenal, HIV, hepatitis,
// osteomyelitis, infections with organisms), written in
// session 36 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain88(t *testing.T) {
	evalNotes(t, "testdata/train88", "eighty-eighth training set", 0.55, 0.15, false)
}

// TestEvalTrain89 scores the eighty-ninth training set, testdata/train89:
// 24 notes of infectious disease and wound care (sepsis and septic shock with organisms, cellulitis
// and abscess, diabetic foot and osteomyelitis, pressure injuries, device
// and line infections), written in
// session 37 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain89(t *testing.T) {
	evalNotes(t, "testdata/train89", "eighty-ninth training set", 0.55, 0.15, false)
}

// TestEvalTrain90 scores the ninetieth training set, testdata/train90:
// 24 notes of obstetrics, gynecology and pediatrics (prenatal visits, deliveries,
// postpartum complications, gynecologic surgery, newborns, well-child
// visits, childhood infections and fractures), written in
// session 37 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain90(t *testing.T) {
	evalNotes(t, "testdata/train90", "ninetieth training set", 0.55, 0.15, false)
}

// TestEvalTrain91 scores the ninety-first training set, testdata/train91:
// 24 notes of gastroenterology, hepatology, rheumatology and orthopedics (GI
// bleeding, cirrhosis, pancreatitis, IBD, diverticulitis, arthritis,
// joint replacements, fractures), written in
// session 37 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain91(t *testing.T) {
	evalNotes(t, "testdata/train91", "ninety-first training set", 0.55, 0.15, false)
}

// TestEvalTrain92 scores the ninety-second training set, testdata/train92:
// 24 notes of neurology, pulmonology and oncology (stroke and its sequelae,
// epilepsy, dementia, COPD and asthma, PE, cancers with metastases,
// chemotherapy and immunotherapy encounters), written in
// session 37 by someone who had read neither the engine nor the other
// sets; first scored untouched (docs/BENCHMARKS.md), then read note by
// note.
func TestEvalTrain92(t *testing.T) {
	evalNotes(t, "testdata/train92", "ninety-second training set", 0.55, 0.15, false)
}

// TestEvalHeldout19 scores a nineteenth held-out set, testdata/heldout19:
// 24 notes of a representative week (12 inpatient, 12 outpatient),
// written in session 26 by someone who had read neither the engine nor
// the other sets; committed unread, to be read once at the end of that
// session (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout19(t *testing.T) {
	evalNotes(t, "testdata/heldout19", "nineteenth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout20 scores a twentieth held-out set, testdata/heldout20:
// 24 notes of a representative week of a general hospital (12 inpatient,
// 12 outpatient), written in session 27 by someone who had read neither
// the engine nor the other sets; committed unread, to be read once at the
// end of that session (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout20(t *testing.T) {
	evalNotes(t, "testdata/heldout20", "twentieth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout21 scores a twenty-first held-out set, testdata/heldout21:
// 24 notes of a representative week of a mid-size general hospital and
// its clinics (12 inpatient, 12 outpatient), written in session 28 by
// someone who had read neither the engine nor the other sets; committed
// unread, to be read once at the end of that session (docs/BENCHMARKS.md).
// Read only its totals.
func TestEvalHeldout21(t *testing.T) {
	evalNotes(t, "testdata/heldout21", "twenty-first held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout22 scores a twenty-second held-out set, testdata/heldout22:
// 24 notes of a representative week of a teaching hospital and its
// clinics (12 inpatient, 12 outpatient), written in session 29 by someone
// who had read neither the engine nor the other sets; committed unread, to
// be read once at the end of that session (docs/BENCHMARKS.md). Read only
// its totals.
func TestEvalHeldout22(t *testing.T) {
	evalNotes(t, "testdata/heldout22", "twenty-second held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout23 scores a twenty-third held-out set, testdata/heldout23:
// 24 notes of a representative week of a rural community hospital and its
// clinics (12 inpatient, 12 outpatient), written in session 30 by someone
// who had read neither the engine nor the other sets; committed unread, to
// be read once at the end of that session (docs/BENCHMARKS.md). Read only
// its totals.
func TestEvalHeldout23(t *testing.T) {
	evalNotes(t, "testdata/heldout23", "twenty-third held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout24 scores a twenty-fourth held-out set, testdata/heldout24:
// 24 notes of a representative week of an urban safety-net hospital and
// its clinics (12 inpatient, 12 outpatient), written in session 31 by
// someone who had read neither the engine nor the other sets; committed
// unread, to be read once at the end of that session (docs/BENCHMARKS.md).
// Read only its totals.
func TestEvalHeldout24(t *testing.T) {
	evalNotes(t, "testdata/heldout24", "twenty-fourth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout25 scores a twenty-fifth held-out set, testdata/heldout25:
// 24 notes of one week at a suburban community hospital and its offices
// (ED visits, medicine and surgery discharge summaries, op notes, consults
// and office visits), written in session 32 by someone who had read
// neither the engine nor the other sets; committed unread, to be read once
// at the end of that session (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout25(t *testing.T) {
	evalNotes(t, "testdata/heldout25", "twenty-fifth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout26 scores a twenty-sixth held-out set, testdata/heldout26:
// 24 notes of one week at an academic teaching hospital and its faculty
// clinics (12 inpatient, 12 outpatient, across medicine, surgery,
// cardiology, oncology, the ED, psychiatry, obstetrics, paediatrics and
// specialty clinics), written in session 33 by someone who had read
// neither the engine nor the other sets; committed unread, to be read
// once at the end of that session (docs/BENCHMARKS.md). Read only its
// totals.
func TestEvalHeldout26(t *testing.T) {
	evalNotes(t, "testdata/heldout26", "twenty-sixth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout27 scores a twenty-seventh held-out set,
// testdata/heldout27: 24 notes of one week at a mid-sized regional
// hospital and its clinics (medicine, surgery, obstetrics, paediatrics,
// the ED, specialty clinics), written in session 34 by someone who had
// read neither the engine nor the other sets; committed unread, to be
// read once at the end of that session (docs/BENCHMARKS.md). Read only
// its totals.
func TestEvalHeldout27(t *testing.T) {
	evalNotes(t, "testdata/heldout27", "twenty-seventh held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout28 scores a twenty-eighth held-out set,
// testdata/heldout28: 24 notes of one week at a large urban teaching
// hospital and its clinics (medicine, surgery, cardiology, the ED,
// oncology, obstetrics, psychiatry, clinics), written in session 35 by
// someone who had read neither the engine nor the other sets; committed
// unread, to be read once at the end of that session
// (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout28(t *testing.T) {
	evalNotes(t, "testdata/heldout28", "twenty-eighth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout29 scores a twenty-ninth held-out set,
// testdata/heldout29: 24 notes of one week at a mid-size community
// hospital in the Mountain West (inpatient stays, the ED, operations,
// clinics, consults, across specialties), written in session 36 by
// someone who had read neither the engine nor the other sets; committed
// unread, to be read once at the end of that session
// (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout29(t *testing.T) {
	evalNotes(t, "testdata/heldout29", "twenty-ninth held-out set", 0.55, 0.10, true)
}

// TestEvalHeldout30 scores a thirtieth held-out set,
// testdata/heldout30: 24 notes of one week at a regional hospital on the
// Gulf Coast and its clinics (12 inpatient, 12 outpatient, across
// specialties), written in session 37 by someone who had read neither the
// engine nor the other sets; committed unread, to be read once at the end
// of that session (docs/BENCHMARKS.md). Read only its totals.
func TestEvalHeldout30(t *testing.T) {
	evalNotes(t, "testdata/heldout30", "thirtieth held-out set", 0.55, 0.10, true)
}
