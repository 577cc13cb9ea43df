package storetest_test

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/chartroom/chartroom/codeset"
	"github.com/chartroom/chartroom/sqlstore"
	"github.com/chartroom/chartroom/storetest"
)

func TestCodeArchive(t *testing.T) {
	storetest.ForEach(t, func(t *testing.T, s *sqlstore.Store) {
		line := fmt.Sprintf("%05d %-7s %s %-60s %s\r\n", 1, "J189", "1", "Pneumonia, unspecified organism", "Pneumonia, unspecified organism")
		set, err := codeset.ImportReader(ctx, "icd10cm_order_2026.txt", strings.NewReader(line), codeset.ImportOptions{Year: 2026})
		if err != nil {
			t.Fatal(err)
		}
		a := s.CodeArchive()
		for i := 0; i < 2; i++ { // saving the same release twice replaces it
			pr, pw := io.Pipe()
			go func() { _, err := set.WriteTo(pw); pw.CloseWithError(err) }()
			if err := a.SaveRelease(ctx, set.Meta(time.Now()), pr); err != nil {
				t.Fatal(err)
			}
		}
		metas, err := a.ListReleases(ctx)
		if err != nil || len(metas) != 1 {
			t.Fatalf("releases: %+v %v", metas, err)
		}
		loaded, err := codeset.LoadArchive(ctx, a)
		if err != nil || loaded.Lookup(codeset.ICD10CM, "J189", codeset.NewDate(2026, 1, 15)) == nil {
			t.Fatalf("load: %v", err)
		}
	})
}
