package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRelease takes a patient's request and an attorney's request
// from intake to release in the browser, with a second person doing each
// quality check, as the workflow requires.
func TestBrowserRelease(t *testing.T) {
	data := t.TempDir()
	base, out := startServer(t, data, true)
	adminPW := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(out.String())[1]
	added, err := run1(t, nil, "users", "add", "--data", data, "--roles", "roi", "--name", "Rita Okonkwo", "rita")
	if err != nil {
		t.Fatalf("users add: %v %s", err, added)
	}
	ritaPW := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(added)[1]
	var mrn string
	for _, p := range demoHospital().Patients {
		if !p.Confidentiality.Any() && p.DuplicateOf < 0 {
			mrn = p.MRN("MAIN")
			break
		}
	}
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	signIn := func(user, oneTime, chosen string) chromedp.Action[chromedp.Void] {
		return signInFirstTimeAs(base, user, oneTime, chosen)
	}
	signOut := chromedp.Steps(chromedp.Click(css(`.who button`)), chromedp.WaitVisible(css(`#username`)))
	intake := func(requester, name, basis string) chromedp.Action[chromedp.Void] {
		return chromedp.Steps(
			chromedp.Navigate(base+"/releases"),
			chromedp.WaitVisible(css(`#requester_name`)),
			chromedp.SendKeys(css(`#mrn`), mrn),
			chromedp.SetValue(css(`#requester`), requester),
			chromedp.SendKeys(css(`#requester_name`), name),
			chromedp.SetValue(css(`#basis`), basis),
			chromedp.SendKeys(css(`#purpose`), "copy of records"),
			chromedp.Submit(css(`#purpose`)),
			chromedp.WaitVisible(css(`h1 small`)),
		)
	}
	// step clicks a workflow button and waits for the page that answers it:
	// the old page has a .flash too, so wait for the new message.
	step := func(status string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			if _, err := chromedp.Click(css(`button[value="`+status+`"]`))(ctx, tg); err != nil {
				return chromedp.Void{}, err
			}
			for i := 0; i < 100; i++ {
				loc, err := chromedp.Location()(ctx, tg)
				if err == nil && strings.Contains(loc, "done=") && (strings.Contains(loc, url.QueryEscape("now "+status)) || strings.Contains(loc, "Not+moved")) {
					if _, err := chromedp.WaitVisible(css(`.flash`))(ctx, tg); err == nil {
						return chromedp.Void{}, nil
					}
				}
				time.Sleep(50 * time.Millisecond)
			}
			return chromedp.Void{}, fmt.Errorf("no answer to the %s step", status)
		}
	}
	status := func() string {
		s, err := chromedp.Run(ctx, chromedp.Text(css(`h1 small`)))
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSpace(s)
	}
	location := func() string {
		l, _ := chromedp.Run(ctx, chromedp.Location())
		if i := strings.Index(l, "?"); i >= 0 {
			l = l[:i]
		}
		return l
	}
	// Rita takes the patient's request and prepares it.
	if err := chromedp.Do(ctx, signIn("rita", ritaPW, "harbor-roi-2026"), intake("patient", "The patient", "right-of-access"),
		step("validated"), step("in-process"), chromedp.SendKeys(css(`#pages`), "14"), step("quality-check")); err != nil {
		t.Fatalf("patient request: %v", err)
	}
	patientReq := location()
	// She cannot release what she prepared.
	if err := chromedp.Do(ctx, step("released")); err != nil {
		t.Fatal(err)
	}
	if got := status(); got != "quality-check" {
		t.Fatalf("the preparer released the request: %s", got)
	}
	// The attorney's request needs a whole authorization before validation.
	// fillAuth abstracts the signed form; without redisclosure it lacks the
	// statement that 164.508(c)(2)(iii) requires.
	fillAuth := func(redisclosure bool) chromedp.Action[chromedp.Void] {
		steps := []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(css(`#a_description`), "Discharge summaries, 2025 admissions"),
			chromedp.SendKeys(css(`#a_disclosers`), "Harbor View Medical Center"),
			chromedp.SendKeys(css(`#a_recipients`), "Marlowe & Pike LLP"),
			chromedp.SendKeys(css(`#a_purpose`), "personal injury claim"),
			chromedp.SendKeys(css(`#a_expiry_event`), "end of litigation"),
			chromedp.SendKeys(css(`#a_signed_by`), "the patient"),
			chromedp.SetValue(css(`#a_signed_on`), "2026-10-01"),
			chromedp.Click(css(`input[name="a_revoke"]`)),
			chromedp.Click(css(`input[name="a_conditioning"]`)),
		}
		if redisclosure {
			steps = append(steps, chromedp.Click(css(`input[name="a_redisclosure"]`)))
		}
		return chromedp.Steps(steps...)
	}
	if err := chromedp.Do(ctx, intake("attorney", "Marlowe & Pike LLP", "authorization"), fillAuth(false), step("validated")); err != nil {
		t.Fatalf("attorney request: %v", err)
	}
	if got := status(); got != "logged" {
		t.Fatalf("validated without the redisclosure statement: %s", got)
	}
	flash, _ := chromedp.Run(ctx, chromedp.Text(css(`.flash`)))
	if !strings.Contains(flash, "164.508(c)(2)(iii)") {
		t.Errorf("the refusal does not name the missing statement: %q", flash)
	}
	if err := chromedp.Do(ctx, fillAuth(true), step("validated"), step("in-process"), step("quality-check")); err != nil {
		t.Fatalf("attorney request with a whole authorization: %v", err)
	}
	attorneyReq := location()
	// A second person, the HIM manager, releases both.
	if err := chromedp.Do(ctx, signOut, signIn("admin", adminPW, "harbor-view-2026"),
		chromedp.Navigate(patientReq), chromedp.WaitVisible(css(`h1 small`)), step("released")); err != nil {
		t.Fatalf("release: %v", err)
	}
	if got := status(); got != "released" {
		t.Errorf("patient request: %s", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(attorneyReq), chromedp.WaitVisible(css(`h1 small`)), step("released")); err != nil {
		t.Fatalf("release: %v", err)
	}
	if got := status(); got != "released" {
		t.Errorf("attorney request: %s", got)
	}
	// The packet goes out by an expiring link; its password is shown once.
	if err := chromedp.Do(ctx, chromedp.WaitVisible(css(`#packet-link`)), chromedp.Click(css(`#link-form button`)), chromedp.WaitVisible(css(`#download-password`))); err != nil {
		t.Fatalf("download link: %v", err)
	}
	link, _ := chromedp.Run(ctx, chromedp.Text(css(`#download-url`)))
	password, _ := chromedp.Run(ctx, chromedp.Text(css(`#download-password`)))
	resp, err := http.Get(base + strings.TrimSpace(link))
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !bytes.HasPrefix(pdf, []byte("%PDF")) {
		t.Fatalf("download: %d %.100q", resp.StatusCode, pdf)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		f := filepath.Join(t.TempDir(), "packet.pdf")
		os.WriteFile(f, pdf, 0o600)
		text, err := exec.Command("pdftotext", "-upw", strings.TrimSpace(password), f, "-").Output()
		if err != nil || !strings.Contains(string(text), "Marlowe & Pike LLP") || !strings.Contains(string(text), "Index of records released") {
			t.Errorf("the downloaded packet: %v\n%s", err, text)
		}
	}
	if dir := os.Getenv("CHARTROOM_SCREENSHOTS"); dir != "" {
		if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
			os.WriteFile(filepath.Join(dir, "release.png"), png, 0o644)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/releases"), chromedp.WaitVisible(css(`#requester_name`))); err == nil {
			if png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)); err == nil {
				os.WriteFile(filepath.Join(dir, "releases.png"), png, 0o644)
			}
		}
	}
}
