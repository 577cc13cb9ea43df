package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserDuplicates works the duplicate worklist in Chromium: a search
// of the demo hospital's index finds its duplicate registrations, the
// reviewer compares a pair field by field and merges it, marks another "not
// a duplicate", and a registrar who starts to register a returning patient
// is shown the existing record before saving.
func TestBrowserDuplicates(t *testing.T) {
	data := t.TempDir()
	base, _ := startServer(t, data, true)
	added, err := run1(t, nil, "users", "add", "--data", data, "--roles", "him-manager", "--name", "Hana Mistry", "hana")
	if err != nil {
		t.Fatalf("users add: %v %s", err, added)
	}
	pw := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(added)[1]
	h := demoHospital()
	dups := map[string]string{} // duplicate's MRN → original's MRN
	var returning string        // a patient to register again
	var returningIdx int
	for i, p := range h.Patients {
		if p.DuplicateOf >= 0 {
			dups[p.MRN("")] = h.Patients[p.DuplicateOf].MRN("")
		} else if returning == "" && !p.Confidentiality.Any() && i > 20 {
			returning, returningIdx = p.MRN("MAIN"), i
		}
	}
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	// to clicks sel and waits until the browser is on a page whose address
	// matches the pattern and whose wait element is visible: the old page
	// has the same elements, so the address tells the new page.
	to := func(sel, pattern, wait string) chromedp.Action[chromedp.Void] {
		re := regexp.MustCompile(pattern)
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			if _, err := chromedp.Click(css(sel))(ctx, tg); err != nil {
				return chromedp.Void{}, err
			}
			for i := 0; i < 200; i++ {
				if loc, err := chromedp.Location()(ctx, tg); err == nil && re.MatchString(loc) {
					if _, err := chromedp.WaitVisible(css(wait))(ctx, tg); err == nil {
						return chromedp.Void{}, nil
					}
				}
				time.Sleep(50 * time.Millisecond)
			}
			return chromedp.Void{}, fmt.Errorf("clicking %s did not reach %s", sel, pattern)
		}
	}
	signIn := signInFirstTimeAs(base, "hana", pw, "harbor-mpi-2026")
	if err := chromedp.Do(ctx, signIn, chromedp.Click(css(`nav a[href="/duplicates"]`)), chromedp.WaitVisible(css(`form[action="/duplicates/scan"] button`)),
		to(`form[action="/duplicates/scan"] button`, "done=", `#worklist`)); err != nil {
		t.Fatalf("searching the index: %v", err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Text(css(`#worklist tbody`)))
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for dup, orig := range dups {
		if strings.Contains(rows, dup) && strings.Contains(rows, orig) {
			found++
		}
	}
	t.Logf("%d of the demo's %d duplicate registrations are on the worklist", found, len(dups))
	if found < len(dups)*8/10 {
		t.Fatalf("only %d of %d known duplicates found:\n%s", found, len(dups), rows)
	}
	// The first pair, compared field by field, is merged.
	if err := chromedp.Do(ctx, to(`#worklist tbody tr:first-child a`, `/duplicates/\d+$`, `#compare`)); err != nil {
		t.Fatal(err)
	}
	table, _ := chromedp.Run(ctx, chromedp.Text(css(`#compare`)))
	for _, f := range []string{"given", "family", "birth_date", "total"} {
		if !strings.Contains(table, f) {
			t.Errorf("comparison lacks %s:\n%s", f, table)
		}
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(css(`#reason`), "same person: registration typo, checked ID"),
		to(`#merge-form button`, "done=Merged", `.flash`)); err != nil {
		t.Fatalf("merge: %v", err)
	}
	// The next is marked not a duplicate, and the decision shows under that filter.
	if err := chromedp.Do(ctx, to(`#worklist tbody tr:first-child a`, `/duplicates/\d+$`, `#decide-form`),
		to(`#assign-form button`, `done=Assigned`, `#decide-form`)); err != nil {
		t.Fatalf("assign: %v", err)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(css(`main`))); !strings.Contains(st, "assigned to Hana Mistry") {
		t.Errorf("assignment not shown:\n%s", st)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(css(`#note`), "sisters, different mothers' maiden names"),
		to(`#decide-form button`, `done=Pair`, `.flash`),
		chromedp.Navigate(base+"/duplicates?status=not-duplicate"), chromedp.WaitVisible(css(`#worklist`))); err != nil {
		t.Fatalf("not a duplicate: %v", err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Text(css(`#worklist tbody`))); strings.TrimSpace(n) == "" {
		t.Error("the not-a-duplicate decision is not listed")
	}
	// A returning patient registered with a typo: the registrar sees the
	// existing record before saving, and the new record joins the worklist.
	p := h.Patients[returningIdx]
	family := p.Name.Family[:len(p.Name.Family)-1] + "e" + p.Name.Family[len(p.Name.Family)-1:]
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/patients/new"), chromedp.WaitVisible(css(`#family`)),
		chromedp.SendKeys(css(`#family`), family), chromedp.SendKeys(css(`#given`), p.Name.Given),
		chromedp.SetValue(css(`#birth_date`), p.BirthDate.String()), chromedp.SetValue(css(`#sex`), string(p.Sex)),
		chromedp.SendKeys(css(`#mrn`), "NEW7731"),
		chromedp.Submit(css(`#mrn`)), chromedp.WaitVisible(css(`#possible-matches`))); err != nil {
		t.Fatalf("registration check: %v", err)
	}
	shown, _ := chromedp.Run(ctx, chromedp.Text(css(`#possible-matches`)))
	if !strings.Contains(shown, returning) {
		t.Fatalf("the existing record %s was not shown:\n%s", returning, shown)
	}
	if err := chromedp.Do(ctx, to(`button[name="confirm"]`, `/patients/\d+$`, `h1`)); err != nil {
		t.Fatalf("confirming a new patient: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/duplicates"), chromedp.WaitVisible(css(`#worklist`))); err != nil {
		t.Fatal(err)
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Text(css(`#worklist tbody`))); !strings.Contains(rows, "NEW7731") {
		t.Errorf("the new registration's likely duplicate is not on the worklist:\n%s", rows)
	}
}
