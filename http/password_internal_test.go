package http

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chartroom/chartroom/roi/packet"
)

// TestRandomWordsFitPacket draws many download-link passwords: each must
// be one packet.Build accepts (printable ASCII, at most
// packet.MaxPasswordLen bytes), or the link would be refused on download,
// and each must be six words of the list and two digits, as the link page
// tells the requester.
func TestRandomWordsFitPacket(t *testing.T) {
	shape := regexp.MustCompile(`^([a-z]{3,4}-){6}[2-9]{2}$`)
	seen := map[string]bool{}
	for range 5000 {
		pw := randomWords()
		if len(pw) > packet.MaxPasswordLen || len(pw) < 26 {
			t.Fatalf("password %q is %d bytes, want 26 to %d", pw, len(pw), packet.MaxPasswordLen)
		}
		if !shape.MatchString(pw) {
			t.Fatalf("password %q is not six words of 3 or 4 letters and two digits from 2 to 9", pw)
		}
		parts := strings.Split(pw, "-")
		for _, w := range parts[:passwordWordCount] {
			if !slices.Contains(passwordWords, w) {
				t.Fatalf("password %q has %q, which is not in passwordWords", pw, w)
			}
		}
		if seen[pw] {
			t.Fatalf("password %q drawn twice in 5000", pw)
		}
		seen[pw] = true
	}
}

// TestPasswordEntropy recomputes the entropy of download-link passwords
// from the word list, so that it cannot shrink without the test and the
// comment on passwordBits saying so: the words must be distinct (a
// duplicate counts once), short enough that no draw is ever too long for
// a packet (a redraw would make some passwords likelier than others), and
// come to passwordBits, which must be at least 60.
func TestPasswordEntropy(t *testing.T) {
	word := regexp.MustCompile(`^[a-z]{3,4}$`)
	distinct := map[string]bool{}
	longest := 0
	for _, w := range passwordWords {
		if !word.MatchString(w) {
			t.Errorf("word %q is not 3 or 4 lowercase letters", w)
		}
		if distinct[w] {
			t.Errorf("word %q is in the list twice", w)
		}
		distinct[w] = true
		longest = max(longest, len(w))
	}
	digits := map[rune]bool{}
	for _, d := range passwordDigits {
		if d < '2' || d > '9' || digits[d] {
			t.Errorf("passwordDigits %q: want distinct digits from 2 to 9", passwordDigits)
		}
		digits[d] = true
	}
	if n := passwordWordCount*(longest+1) + 2; n > packet.MaxPasswordLen {
		t.Errorf("the longest password is %d bytes, more than packet.MaxPasswordLen (%d)", n, packet.MaxPasswordLen)
	}
	bits := passwordWordCount*math.Log2(float64(len(distinct))) + 2*math.Log2(float64(len(digits)))
	t.Logf("%d words, %d digits: %.2f bits", len(distinct), len(digits), bits)
	if math.Abs(bits-passwordBits) > 0.05 {
		t.Errorf("the passwords have %.2f bits of entropy; passwordBits says %g: update it and its comment", bits, passwordBits)
	}
	if bits < 60 {
		t.Errorf("the passwords have %.2f bits of entropy, want at least 60", bits)
	}
}
