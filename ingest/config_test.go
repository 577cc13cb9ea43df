package ingest_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/ingest"
)

func TestParseChannels(t *testing.T) {
	_, chs, err := ingest.ParseChannels(strings.NewReader(`[{"name":"adt","listen":"127.0.0.1:2575","allowed_senders":["REGADT"],"accept":["ADT"],"facilities":{"HVMC":"MAIN"},"default_facility":"main","silent_after":"30m"}]`))
	if err != nil || len(chs) != 1 || chs[0].DefaultFacility != "MAIN" || chs[0].SilentAfter != 30*time.Minute {
		t.Fatalf("%+v %v", chs, err)
	}
	for _, bad := range []string{`[{"listen":"x"}]`, `[{"name":"a"}]`, `[{"name":"a","listen":"x","silent_after":"soon"}]`, `[{"name":"a","listen":"x","accept":["ADTX^"]},{"name":"a","listen":"y"}]`, `[{"name":"a","listen":"x","colour":"red"}]`} {
		if _, _, err := ingest.ParseChannels(strings.NewReader(bad)); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestWatchAlertsOnSilenceAndErrors(t *testing.T) {
	var mu sync.Mutex
	var got []string
	received, errs := int64(10), int64(0)
	stats := func(context.Context) ([]*chartroom.ChannelStats, error) {
		mu.Lock()
		defer mu.Unlock()
		old := time.Now().Add(-time.Hour)
		return []*chartroom.ChannelStats{{Channel: "adt", Received: received, Errors: errs, LastMessage: &old}}, nil
	}
	alert := func(_ context.Context, a *chartroom.Alert) error {
		mu.Lock()
		got = append(got, a.Kind)
		mu.Unlock()
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	go ingest.Watch(ctx, 20*time.Millisecond, []ingest.Channel{{Name: "adt", SilentAfter: time.Minute}}, stats, alert)
	time.Sleep(60 * time.Millisecond)
	mu.Lock()
	received, errs = 30, 10
	mu.Unlock()
	time.Sleep(60 * time.Millisecond)
	cancel()
	mu.Lock()
	defer mu.Unlock()
	var silent, errors int
	for _, k := range got {
		switch k {
		case "interface-silent":
			silent++
		case "interface-errors":
			errors++
		}
	}
	if silent != 1 || errors != 1 {
		t.Errorf("alerts %v: want one silence and one error-rate alert", got)
	}
}
