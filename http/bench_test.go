package http_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
	"github.com/chartroom/chartroom/storetest"
)

// BenchmarkAPIRead times a typical API read, GET /api/v1/patients/{id},
// through the whole server (session, rules, store, JSON), and the
// authorization decision alone (the route's rule and the patient-level
// rule), so their ratio shows what authorization costs a request.
func BenchmarkAPIRead(b *testing.B) {
	for _, e := range storetest.Engines(b) {
		s := e.Open(b)
		t := &testing.T{}
		f := newFixture(t, s)
		p, _, _ := storetest.Seed(b, s)
		path := "/api/v1/patients/" + itoa(p.ID)
		req := func() *http.Request {
			r := httptest.NewRequest("GET", path, nil)
			r.AddCookie(&http.Cookie{Name: "chartroom_session", Value: f.tokens[chartroom.RoleCoder]})
			return r
		}
		b.Run(e.Name+"/request", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				w := httptest.NewRecorder()
				f.srv.ServeHTTP(w, req())
				if w.Code != 200 {
					b.Fatal(w.Code)
				}
			}
		})
		u := f.users[chartroom.RoleCoder]
		b.Run(e.Name+"/authorization", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if !f.policy.Allows(u, auth.PatientRead) || f.policy.SeePatient(u, p, false) != auth.AccessGranted {
					b.Fatal("denied")
				}
			}
		})
	}
}
