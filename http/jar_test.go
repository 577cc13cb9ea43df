package http_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

func newJar() http.CookieJar {
	j, _ := cookiejar.New(nil)
	return j
}

func newRecorder() *httptest.ResponseRecorder { return httptest.NewRecorder() }

func newTestServer(t *testing.T, h http.Handler) *httptest.Server {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// formLogin signs in through the login form and returns the status of the
// POST.
func formLogin(t *testing.T, ts *httptest.Server, user, pw, otp string) int {
	t.Helper()
	client := &http.Client{Jar: newJar(), CheckRedirect: noRedirect.CheckRedirect}
	resp, err := client.Get(ts.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page := readAll(resp)
	i := strings.Index(page, `name="csrf" value="`)
	csrf := page[i+19 : i+19+strings.Index(page[i+19:], `"`)]
	resp, err = client.PostForm(ts.URL+"/login", url.Values{"csrf": {csrf}, "username": {user}, "password": {pw}, "otp": {otp}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
