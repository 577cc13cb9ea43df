package roi_test

import (
	"testing"
	"time"

	"github.com/chartroom/chartroom/roi"
)

func TestTurnaround(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 9, 0, 0, 0, time.UTC) }
	at := func(t time.Time) *time.Time { return &t }
	reqs := []*roi.Request{
		{Basis: roi.RightOfAccess, ReceivedAt: day(1), DueAt: day(31), Status: roi.Released, ReleasedAt: at(day(5))},
		{Basis: roi.RightOfAccess, ReceivedAt: day(2), DueAt: day(20), Status: roi.Released, ReleasedAt: at(day(22))},
		{Basis: roi.RightOfAccess, ReceivedAt: day(3), DueAt: day(10), Status: roi.InProcess},
		{Basis: roi.Authorization, ReceivedAt: day(4), DueAt: day(30), Status: roi.Denied},
		{Basis: roi.Authorization, ReceivedAt: day(4), DueAt: day(30), Status: roi.Released, ReleasedAt: at(day(14)), Extended: true},
	}
	rows := roi.Turnaround(reqs, day(25))
	if len(rows) != 3 || rows[2].Basis != "all" {
		t.Fatalf("rows: %+v", rows)
	}
	var access roi.TurnaroundRow
	for _, r := range rows {
		if r.Basis == roi.RightOfAccess {
			access = r
		}
	}
	if access.Received != 3 || access.Released != 2 || access.Open != 1 || access.Overdue != 2 || access.OnTimeShare != 0.5 || access.MedianDays != 4 {
		t.Errorf("right of access: %+v", access)
	}
	if all := rows[2]; all.Received != 5 || all.Denied != 1 || all.Extended != 1 || all.Released != 3 {
		t.Errorf("total: %+v", all)
	}
}
