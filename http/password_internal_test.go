package http

import (
	"testing"

	"github.com/chartroom/chartroom/roi/packet"
)

// TestRandomWordsFitPacket draws many download-link passwords: each must
// be one packet.Build accepts (at most packet.MaxPasswordLen bytes), or
// about one link in 80 would be refused on download.
func TestRandomWordsFitPacket(t *testing.T) {
	for range 5000 {
		if pw := randomWords(); len(pw) > packet.MaxPasswordLen || len(pw) < 16 {
			t.Fatalf("password %q is %d bytes, want 16 to %d", pw, len(pw), packet.MaxPasswordLen)
		}
	}
}
