package roi

import (
	"slices"
	"time"
)

// TurnaroundRow sums up one kind of request over a period: how many came
// in and were closed, how long release took, and how many met their due
// date.
type TurnaroundRow struct {
	Basis       Basis   `json:"basis"`
	Received    int     `json:"received"`
	Released    int     `json:"released"`
	Denied      int     `json:"denied"`
	Cancelled   int     `json:"cancelled"`
	Open        int     `json:"open"`
	Overdue     int     `json:"overdue"` // open and past due, or released late
	Extended    int     `json:"extended"`
	MedianDays  float64 `json:"median_days"` // received to released
	P90Days     float64 `json:"p90_days"`
	OnTimeShare float64 `json:"on_time_share"` // released by the due date, of those released
}

// Turnaround reports requests by basis, with a total row last.
func Turnaround(reqs []*Request, now time.Time) []TurnaroundRow {
	by := map[Basis]*TurnaroundRow{}
	days := map[Basis][]float64{}
	var order []Basis
	total := &TurnaroundRow{Basis: "all"}
	var all []float64
	for _, r := range reqs {
		row := by[r.Basis]
		if row == nil {
			row = &TurnaroundRow{Basis: r.Basis}
			by[r.Basis] = row
			order = append(order, r.Basis)
		}
		for _, x := range []*TurnaroundRow{row, total} {
			x.Received++
			if r.Extended {
				x.Extended++
			}
			switch r.Status {
			case Released:
				x.Released++
				if r.ReleasedAt != nil && r.ReleasedAt.After(r.DueAt) {
					x.Overdue++
				} else {
					x.OnTimeShare++
				}
			case Denied:
				x.Denied++
			case Cancelled:
				x.Cancelled++
			default:
				x.Open++
				if now.After(r.DueAt) {
					x.Overdue++
				}
			}
		}
		if r.Status == Released && r.ReleasedAt != nil {
			d := r.ReleasedAt.Sub(r.ReceivedAt).Hours() / 24
			days[r.Basis] = append(days[r.Basis], d)
			all = append(all, d)
		}
	}
	slices.Sort(order)
	var out []TurnaroundRow
	finish := func(x *TurnaroundRow, ds []float64) {
		if x.Released > 0 {
			x.OnTimeShare /= float64(x.Released)
		}
		x.MedianDays, x.P90Days = quantile(ds, 0.5), quantile(ds, 0.9)
		out = append(out, *x)
	}
	for _, b := range order {
		finish(by[b], days[b])
	}
	finish(total, all)
	return out
}

func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	i := int(q * float64(len(s)-1))
	return float64(int(s[i]*10+0.5)) / 10
}
