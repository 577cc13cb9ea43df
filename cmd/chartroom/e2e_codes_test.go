package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/storage"
	"github.com/chromedp/chromedp"
)

// TestBrowserEncoder loads a small code set, then in a real browser types
// into the encoder and reads a code's explanation.
func TestBrowserEncoder(t *testing.T) {
	data := t.TempDir()
	line := func(n int, code string, billable bool, title string) string {
		flag := "0"
		if billable {
			flag = "1"
		}
		return fmt.Sprintf("%05d %-7s %s %-60s %s\r\n", n, code, flag, title, title)
	}
	file := line(1, "J18", false, "Pneumonia, unspecified organism") + line(2, "J189", true, "Pneumonia, unspecified organism") +
		line(3, "I50", false, "Heart failure") + line(4, "I5023", true, "Acute on chronic systolic (congestive) heart failure")
	saveCodeSet(t, data, 2026, file)
	base, out := startServer(t, data, false)
	m := regexp.MustCompile(`one-time password: (\S+)`).FindStringSubmatch(out.String())
	ctx := browser(t)
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }
	err := chromedp.Do(ctx,
		signInFirstTime(base, m[1], "encoder-test-2026"),
		chromedp.Navigate(base+"/codes"),
		chromedp.WaitVisible(css(`#code-q`)),
		chromedp.SendKeys(css(`#code-q`), "acute on chronic systolic CHF"),
		// No submit: the list fills as the coder types.
		chromedp.WaitVisible(css(`#code-results a`)),
	)
	if err != nil {
		t.Fatalf("encoder: %v\n%s", err, out.String())
	}
	first, err := chromedp.Run(ctx, chromedp.Text(css(`#code-results li`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first, "I50.23") {
		t.Errorf("first result as typed: %q", first)
	}
	if err := chromedp.Do(ctx, chromedp.Click(css(`#code-results a`)), chromedp.WaitVisible(css(`.viewer h2`))); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Text(css(`.viewer`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(shown, "I50.23") || !strings.Contains(shown, "billable") {
		t.Errorf("code page: %q", shown)
	}
}

// saveCodeSet imports an ICD-10-CM order file of fiscal year fy into the
// code archive of a new data folder, as "chartroom codes import" would.
func saveCodeSet(t *testing.T, data string, fy int, orderFile string) {
	t.Helper()
	set, err := codeset.ImportReader(context.Background(), fmt.Sprintf("icd10cm_order_%d.txt", fy), strings.NewReader(orderFile), codeset.ImportOptions{Year: fy})
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() { _, err := set.WriteTo(pw); pw.CloseWithError(err) }()
	st, err := storage.Open(context.Background(), storage.Config{DataDir: data, Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CodeArchive().SaveRelease(context.Background(), set.Meta(time.Now()), pr); err != nil {
		t.Fatal(err)
	}
}
