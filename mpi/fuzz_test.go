package mpi_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/chartroom/chartroom/mpi"
)

// FuzzReadCSV feeds arbitrary files to the CSV reader and matches what it
// reads: nothing may panic, and every row read keeps its id.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("rec_id, given_name, surname, date_of_birth\nrec-1-org, ann, lee, 19800101\nrec-1-dup-0, anne, lee, 19800110\n"))
	f.Add([]byte("id,given,family,dob,ssn\n1,\"Mary\",O'Neil,1980-13-45,123\n2,,,,\n3\n"))
	f.Add([]byte("\ufeffID;Name\n\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, _, err := mpi.ReadCSV(bytes.NewReader(data), "fuzz.csv", nil)
		if err != nil {
			return
		}
		for _, r := range recs {
			if r.ID == "" {
				t.Fatal("a record without an id was kept")
			}
		}
		if len(recs) < 200 {
			if _, err := mpi.Dedupe(context.Background(), recs, mpi.Options{USamples: 1000}); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzCompare scores arbitrary pairs: nothing may panic, probabilities stay
// in [0, 1] and every field is explained.
func FuzzCompare(f *testing.F) {
	f.Add("Catherine", "O'Brien", "19800314", "Kathryn", "OBRIEN", "19801403")
	f.Add("", "", "", "x", "y", "2")
	f.Add("MACKNIGHT", "SCHMIDT", "99999999", "ÉLODIE", "KNUTSON", "1980-01-01")
	f.Fuzz(func(t *testing.T, g1, f1, d1, g2, f2, d2 string) {
		a := mpi.Record{ID: "a", Given: g1, Family: f1, BirthDate: d1, SSN: d1, Street: g1 + " " + f1, Postal: d1}
		b := mpi.Record{ID: "b", Given: g2, Family: f2, BirthDate: d2, SSN: d2, Street: g2 + " " + f2, Postal: d2}
		s := mpi.Explain(mpi.DefaultModel(), a, b)
		if s.Probability < 0 || s.Probability > 1 || len(s.Fields) != int(mpi.NumFields) {
			t.Fatalf("score %+v", s)
		}
		if jw := mpi.JaroWinkler(g1, g2); jw < 0 || jw > 1.0000001 {
			t.Fatalf("JaroWinkler(%q, %q) = %v", g1, g2, jw)
		}
		mpi.NYSIIS(f1)
	})
}
