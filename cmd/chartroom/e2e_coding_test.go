package main

import (
	"fmt"
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
	waitFinal := func(what string) {
		t.Helper()
		for i := 0; i < 100; i++ {
			if st, _ := chromedp.Run(ctx, chromedp.Text(css(`#abstract-status`))); st == "final" {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		edits, _ := chromedp.Run(ctx, chromedp.Text(css(`#edits`)))
		flash, _ := chromedp.Run(ctx, chromedp.Text(css(`.flash`)))
		t.Fatalf("%s not final:\n%s\n%s", what, flash, edits)
	}
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
