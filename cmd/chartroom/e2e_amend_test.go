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

// TestBrowserAmendment logs a patient's request to amend a note from the
// chart, accepts it, and finds the addendum under the original, which is
// unchanged.
func TestBrowserAmendment(t *testing.T) {
	data := t.TempDir()
	base, _ := startServer(t, data, true)
	added, err := run1(t, nil, "users", "add", "--data", data, "--roles", "him-manager", "--name", "Ines Bauer", "ines")
	if err != nil {
		t.Fatalf("users add: %v %s", err, added)
	}
	pw := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(added)[1]
	var family, given string
	for _, p := range demoHospital().Patients {
		if !p.Confidentiality.Any() && p.DuplicateOf < 0 && len(p.Visits) > 0 {
			family, given = p.Name.Family, p.Name.Given
			break
		}
	}
	ctx := browser(t)
	// waitFor polls for an element for ten seconds, so that a missing one
	// fails the step and leaves the browser alive to say where it is.
	waitFor := func(sel string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			for i := 0; i < 100; i++ {
				if ok, err := chromedp.Evaluate[bool](fmt.Sprintf("!!document.querySelector(%q)", sel))(ctx, tg); err == nil && ok {
					return chromedp.Void{}, nil
				}
				time.Sleep(100 * time.Millisecond)
			}
			return chromedp.Void{}, fmt.Errorf("no %s", sel)
		}
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	steps := []chromedp.Action[chromedp.Void]{
		signInFirstTimeAs(base, "ines", pw, "harbor-amend-2026"),
		chromedp.SendKeys(css(`#q`), family+", "+given), chromedp.Submit(css(`#q`)),
		waitFor(`table.list tbody a`), chromedp.Click(css(`table.list tbody a`)),
		waitFor(`ul.docs a[href*="doc="]`), chromedp.Click(css(`ul.docs a[href*="doc="]`)),
		waitFor(`#request-amendment`), chromedp.Click(css(`#request-amendment`)),
		waitFor(`#requested`),
		chromedp.SendKeys(css(`#requested`), "My allergy is to penicillin, not to sulfa drugs."),
		chromedp.SendKeys(css(`#reason`), "The note lists the wrong allergy."),
		chromedp.Click(css(`#amendment-form button`)),
		waitFor(`#accept-form`),
	}
	for i, st := range steps {
		if err := chromedp.Do(ctx, st); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			body, _ := chromedp.Run(ctx, chromedp.Text(css(`main`)))
			t.Fatalf("logging the request, step %d: %v at %s\n%s", i, err, loc, body)
		}
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(css(`#amendment-status`))); st != "pending" {
		t.Fatalf("status %q", st)
	}
	err = chromedp.Do(ctx,
		chromedp.SendKeys(css(`#text`), "Amendment at the patient's request: allergy is penicillin (rash), not sulfonamides."),
		chromedp.Click(css(`#accept-form button`)),
		waitFor(`dl dd a`),
	)
	if err != nil {
		t.Fatalf("accepting: %v", err)
	}
	for i := 0; i < 50; i++ {
		if st, _ := chromedp.Run(ctx, chromedp.Text(css(`#amendment-status`))); st == "accepted" {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if st, _ := chromedp.Run(ctx, chromedp.Text(css(`#amendment-status`))); st != "accepted" {
		t.Fatalf("status after accepting: %q", st)
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`dl dd a`)), waitFor(`aside.amendment`)); err != nil {
		t.Fatalf("the addendum in the chart: %v", err)
	}
	viewer, _ := chromedp.Run(ctx, chromedp.Text(css(`.viewer`)))
	if !strings.Contains(viewer, "allergy is penicillin") {
		t.Errorf("addendum not shown:\n%s", viewer)
	}
}
