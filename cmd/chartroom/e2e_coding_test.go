package main

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/demogen"
	"github.com/chromedp/chromedp"
)

// TestBrowserCoding codes a demo inpatient stay in Chromium: from the
// coding worklist to the workbench, codes typed beside the notes, the POA
// edit shown and cleared, and the abstract finalised.
func TestBrowserCoding(t *testing.T) {
	var visit *demogen.Visit
	var pt *demogen.Patient
	for _, p := range demoHospital().Patients {
		if p.Confidentiality.Any() || p.DuplicateOf >= 0 {
			continue
		}
		for _, v := range p.Visits {
			if visit == nil && v.Class == chartroom.Inpatient && v.DischargeAt != nil && len(v.Codes) >= 2 {
				visit, pt = v, p
			}
		}
	}
	if visit == nil {
		t.Fatal("no coded inpatient stay in the demo")
	}
	var clinic *demogen.Visit
	var cpt *demogen.Patient
	for _, p := range demoHospital().Patients {
		if p.Confidentiality.Any() || p.DuplicateOf >= 0 || p == pt {
			continue
		}
		for _, v := range p.Visits {
			if clinic == nil && v.Class == chartroom.Outpatient && v.DischargeAt != nil && len(v.Codes) >= 1 {
				clinic, cpt = v, p
			}
		}
	}
	if clinic == nil {
		t.Fatal("no coded clinic visit in the demo")
	}
	// Code sets holding the visits' codes, for the fiscal years of their
	// dates, saved before the server starts.
	data := t.TempDir()
	byYear := map[int][]string{}
	for _, v := range []*demogen.Visit{visit, clinic} {
		fy := codeset.FiscalYear(codeset.DateOf(*v.DischargeAt))
		byYear[fy] = append(byYear[fy], v.Codes...)
	}
	for fy, codes := range byYear {
		var file strings.Builder
		seen := map[string]bool{}
		for _, c := range codes {
			if n := codeset.NormalizeCode(c); !seen[n] {
				seen[n] = true
				fmt.Fprintf(&file, "%05d %-7s 1 %-60s %s\r\n", len(seen), n, "Demo code "+c, "Demo code "+c)
			}
		}
		saveCodeSet(t, data, fy, file.String())
	}
	base, _ := startServer(t, data, true)
	added, err := run1(t, nil, "users", "add", "--data", data, "--roles", "coder", "--name", "Mei Tanaka", "mei")
	if err != nil {
		t.Fatalf("users add: %v %s", err, added)
	}
	pw1 := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(added)[1]
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	row := fmt.Sprintf(`//table[@id="coding-worklist"]//a[contains(., %q)]`, pt.Name.Family)
	err = chromedp.Do(ctx,
		signInFirstTimeAs(base, "mei", pw1, "harbor-coding-2026"),
		chromedp.Navigate(base+"/coding?class=inpatient"), chromedp.WaitVisible(css(`#coding-worklist`)),
		chromedp.Click(chromedp.Search(row)), chromedp.WaitVisible(css(`#abstract-form`)),
	)
	if err != nil {
		t.Fatalf("opening the workbench: %v", err)
	}
	docs, _ := chromedp.Run(ctx, chromedp.Text(css(`#workbench-docs`)))
	if strings.TrimSpace(docs) == "" || strings.Contains(docs, "No documents") {
		t.Errorf("no notes beside the abstract")
	}
	// Codes typed in, POA left out on the last: the edit says so.
	var steps []chromedp.Action[chromedp.Void]
	for i, c := range visit.Codes {
		steps = append(steps, chromedp.SetValue(css(fmt.Sprintf(`#dx-lines tbody tr:nth-child(%d) input[name="dx_code"]`, i+1)), c))
		if i < len(visit.Codes)-1 {
			steps = append(steps, chromedp.SetValue(css(fmt.Sprintf(`#dx-lines tbody tr:nth-child(%d) select`, i+1)), "Y"))
		}
	}
	steps = append(steps, chromedp.SetValue(css(`#admitting`), visit.Codes[0]), chromedp.SetValue(css(`#disposition`), "01"))
	if err := chromedp.Do(ctx, append(steps, chromedp.Click(css(`#finalise`)), chromedp.WaitVisible(css(`.flash`)))...); err != nil {
		t.Fatalf("coding: %v", err)
	}
	edits, _ := chromedp.Run(ctx, chromedp.Text(css(`#edits`)))
	if !strings.Contains(edits, "present-on-admission") {
		t.Fatalf("the POA edit is not shown:\n%s", edits)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(css(`#abstract-status`))); st == "final" {
		t.Fatal("finalised with a hard edit")
	}
	last := len(visit.Codes)
	if err := chromedp.Do(ctx, chromedp.SetValue(css(fmt.Sprintf(`#dx-lines tbody tr:nth-child(%d) select`, last)), "N"),
		chromedp.Click(css(`#finalise`))); err != nil {
		t.Fatal(err)
	}
	waitFinal := func(what string) { t.Helper(); waitAbstractFinal(t, ctx, what) }
	waitFinal("the inpatient stay")
	// The clinic visit: first-listed diagnosis and a service line that
	// points to it.
	clinicRow := fmt.Sprintf(`//table[@id="coding-worklist"]//a[contains(., %q)]`, cpt.Name.Family)
	steps = []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(base + "/coding?class=outpatient"), chromedp.WaitVisible(css(`#coding-worklist`)),
		chromedp.Click(chromedp.Search(clinicRow)), chromedp.WaitVisible(css(`#service-lines`)),
	}
	for i, c := range clinic.Codes {
		steps = append(steps, chromedp.SetValue(css(fmt.Sprintf(`#dx-lines tbody tr:nth-child(%d) input[name="dx_code"]`, i+1)), c))
	}
	steps = append(steps,
		chromedp.SetValue(css(`#service-lines tbody tr:nth-child(1) input[name="svc_code"]`), "99214"),
		chromedp.SetValue(css(`#service-lines tbody tr:nth-child(1) input[name="svc_ptr"]`), "1"),
		chromedp.Click(css(`#finalise`)))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("coding the clinic visit: %v", err)
	}
	waitFinal("the clinic visit")
}

// TestBrowserCodingSuggestions codes a demo inpatient stay and a demo
// clinic visit end to end from the keyboard, on the official FY2026 code
// set with the shared alphabetic index: the worklist, the suggestions
// decided with one keystroke each ("a" accepts, "r" rejects), the codes
// they missed typed in, the edits cleared, final; then the acceptance
// report counts the decisions.
func TestBrowserCodingSuggestions(t *testing.T) {
	const shared = "../../../shared/data/codesets"
	order := shared + "/icd10cm/2026/2026-code-descriptions-tabular-order.zip"
	index := shared + "/icd10cm/2017/ICD10CM_FY2017_Full_XML.zip"
	if _, err := os.Stat(order); err != nil {
		t.Skipf("shared code sets not found (%v); the repo's parent holds shared/data", err)
	}
	// Demo visits discharged in FY2026, with codes the release holds.
	pick := func(class chartroom.EncounterClass, not *demogen.Patient) (*demogen.Visit, *demogen.Patient) {
		for _, p := range demoHospital().Patients {
			if p.Confidentiality.Any() || p.DuplicateOf >= 0 || p == not {
				continue
			}
			// One visit of the class, so the worklist row is the visit's.
			var found *demogen.Visit
			n := 0
			for _, v := range p.Visits {
				if v.Class == class {
					n++
					if v.DischargeAt != nil && len(v.Codes) >= 2 && codeset.FiscalYear(codeset.DateOf(*v.DischargeAt)) == 2026 {
						found = v
					}
				}
			}
			if found != nil && n == 1 {
				return found, p
			}
		}
		return nil, nil
	}
	visit, pt := pick(chartroom.Inpatient, nil)
	clinic, cpt := pick(chartroom.Outpatient, pt)
	if visit == nil || clinic == nil {
		t.Fatal("no FY2026 inpatient stay or clinic visit with codes in the demo")
	}
	data := t.TempDir()
	if out, err := run1(t, nil, "codes", "import", "--data", data, order, index); err != nil {
		t.Fatalf("codes import: %v\n%s", err, out)
	}
	base, _ := startServer(t, data, true)
	added, err := run1(t, nil, "users", "add", "--data", data, "--roles", "coder", "--name", "Ruth Adeyemi", "ruth")
	if err != nil {
		t.Fatalf("users add: %v %s", err, added)
	}
	pw := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(added)[1]
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	if err := chromedp.Do(ctx, signInFirstTimeAs(base, "ruth", pw, "harbor-suggest-2026")); err != nil {
		t.Fatal(err)
	}
	// serve loads the code sets in the background; the workbench offers
	// suggestions once they are in.
	for i := 0; ; i++ {
		status, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`fetch("/api/v1/codes/search?q=heart", {credentials: "same-origin"}).then(r => r.status)`, chromedp.EvalAwaitPromise))
		if err == nil && status == 200 {
			break
		}
		if i == 600 {
			t.Fatalf("the code sets did not load within a minute: %v %v", status, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	accepted, rejected := 0, 0
	code := func(class string, v *demogen.Visit, p *demogen.Patient) {
		t.Helper()
		row := fmt.Sprintf(`//table[@id="coding-worklist"]//a[contains(., %q) and contains(., %q)]`, p.Name.Family, p.Name.Given)
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/coding?class="+class), chromedp.WaitVisible(css(`#coding-worklist`)),
			chromedp.Click(chromedp.Search(row)), chromedp.WaitVisible(css(`#abstract-form`))); err != nil {
			t.Fatalf("opening the %s workbench: %v", class, err)
		}
		suggested, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#suggestions li")).map(li => li.dataset.code)`))
		if err != nil || len(suggested) == 0 {
			t.Fatalf("%s: no suggestions (%v)", class, err)
		}
		want := map[string]bool{}
		for _, c := range v.Codes {
			want[c] = true
		}
		// One keystroke per suggestion: focus moves on to the next.
		keys := []chromedp.Action[chromedp.Void]{chromedp.KeyEvent("s")}
		hit := 0
		for _, c := range suggested {
			if want[c] {
				keys, hit = append(keys, chromedp.KeyEvent("a")), hit+1
				accepted++
			} else {
				keys = append(keys, chromedp.KeyEvent("r"))
				rejected++
			}
		}
		if err := chromedp.Do(ctx, keys...); err != nil {
			t.Fatal(err)
		}
		if hit == 0 {
			t.Errorf("%s: none of %v suggested for a visit coded %v", class, suggested, v.Codes)
		}
		lines, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('input[name="dx_code"]')).map(i => i.value)`))
		if err != nil {
			t.Fatal(err)
		}
		// The codes the suggestions missed are typed into the empty lines.
		have := map[string]bool{}
		for _, c := range lines {
			if c != "" {
				have[c] = true
			}
			if c != "" && !want[c] {
				t.Errorf("%s: rejected or unwanted code %s on the abstract", class, c)
			}
		}
		n := len(have)
		var steps []chromedp.Action[chromedp.Void]
		for _, c := range v.Codes {
			if !have[c] {
				n++
				steps = append(steps, chromedp.SetValue(css(fmt.Sprintf(`#dx-lines tbody tr:nth-child(%d) input[name="dx_code"]`, n)), c))
			}
		}
		if class == "inpatient" {
			for i := 1; i <= n; i++ {
				steps = append(steps, chromedp.SetValue(css(fmt.Sprintf(`#dx-lines tbody tr:nth-child(%d) select`, i)), "Y"))
			}
			steps = append(steps, chromedp.SetValue(css(`#admitting`), v.Codes[0]), chromedp.SetValue(css(`#disposition`), "01"))
		} else {
			steps = append(steps, chromedp.SetValue(css(`#service-lines tbody tr:nth-child(1) input[name="svc_code"]`), "99213"),
				chromedp.SetValue(css(`#service-lines tbody tr:nth-child(1) input[name="svc_ptr"]`), "1"))
		}
		steps = append(steps, chromedp.Click(css(`#finalise`)), chromedp.WaitVisible(css(`.flash`)))
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", class, err)
		}
		// Soft edits ("use additional code" when the record does not
		// document the partner) are overridden with a reason.
		if st, _ := chromedp.Run(ctx, chromedp.Text(css(`#abstract-status`))); st != "final" {
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('input[name="override_reason"]').forEach(i => i.value = "not documented in the record")`),
				chromedp.Click(css(`#finalise`))); err != nil {
				t.Fatal(err)
			}
		}
		waitAbstractFinal(t, ctx, class)
	}
	code("inpatient", visit, pt)
	code("outpatient", clinic, cpt)
	// The coder's role cannot see the reports; the acceptance counts are
	// checked through the API with the same session.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]any](`fetch("/api/v1/coding/acceptance?by=rule", {credentials: "same-origin"}).then(r => r.json())`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	items, _ := got["items"].([]any)
	a, r := 0, 0
	for _, it := range items {
		m := it.(map[string]any)
		a += int(m["accepted"].(float64))
		r += int(m["rejected"].(float64))
	}
	if a != accepted || r != rejected {
		t.Errorf("acceptance recorded %d accepted, %d rejected; the coder made %d and %d (%v)", a, r, accepted, rejected, got)
	}
}

// waitAbstractFinal waits for the workbench to show the abstract final,
// and fails with the flash and the edits if it does not.
func waitAbstractFinal(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	for i := 0; i < 100; i++ {
		if st, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#abstract-status`))); st == "final" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	edits, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`#edits`)))
	flash, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`.flash`)))
	t.Fatalf("%s not final:\n%s\n%s", what, flash, edits)
}
