package codeset

import "testing"

func BenchmarkSlow(b *testing.B) {
	x := loadFull(b).Searcher()
	qs := []string{"long term use of anticoagulants", "crohn's disease", "graves disease", "picc line insertion"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x.Search(qs[i%len(qs)], SearchOptions{Date: evalDate, Limit: 10})
	}
}
