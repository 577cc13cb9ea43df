package packet_test

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/roi/packet"
)

// TestBuildPasswordRefused checks that Build refuses a password some
// reader cannot take. "orchard-juniper-orchard-beacon-50" is a 33-byte
// download-link password that made a packet pdftotext would not open
// ("Incorrect password"): it keeps the first 32 bytes of -upw.
func TestBuildPasswordRefused(t *testing.T) {
	tests := []struct{ name, password, want string }{
		{"33 bytes", "orchard-juniper-orchard-beacon-50", "33 bytes long"},
		{"127 bytes", strings.Repeat("x", 127), "127 bytes long"},
		{"space", "two words", `' ' at byte 3`},
		{"tab", "tab\there", `'\t' at byte 3`},
		{"not ASCII", "café-42", `'é' at byte 3`},
		{"combining accent", "cafe\u0301-42", "at byte 4"},
		{"invalid UTF-8", "pass\xffword", "at byte 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := spec()
			s.Password = tt.password
			var buf bytes.Buffer
			m, err := packet.Build(&buf, s, note())
			if err == nil {
				t.Fatalf("no error; manifest %+v", m)
			}
			if k, f := chartroom.ErrorKind(err), chartroom.ErrorField(err); k != chartroom.KindInvalid || f != "password" {
				t.Errorf("kind %v on field %q, want invalid on password", k, f)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to say %q", err, tt.want)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written on error", buf.Len())
			}
		})
	}
}

// TestBuildPasswordOpens encrypts packets with passwords of every length
// Build accepts, 13 times each (416 packets, each with salts and a file key
// of its own), and checks every packet against its password with an
// implementation of the standard security handler written from the
// specification rather than pdfcpu's: the /U hash, the file key in /UE and
// the /Perms it decrypts. Every packet must be PDF 2.0 with revision 6,
// whose hash (Algorithm 2.B) is far slower to search than revision 5's
// single SHA-256. pdftotext, when installed, must open the packets with
// the longest passwords.
func TestBuildPasswordOpens(t *testing.T) {
	var printable []byte
	for c := byte('!'); c <= '~'; c++ {
		printable = append(printable, c)
	}
	chars := strings.Repeat(string(printable), 2)
	for n := 1; n <= packet.MaxPasswordLen; n++ {
		password := chars[3*n : 4*n] // each printable byte is in one password or more
		for i := range 13 {
			s := spec()
			s.Password = password
			var buf bytes.Buffer
			if _, err := packet.Build(&buf, s, note()); err != nil {
				t.Fatalf("password of %d bytes: %v", n, err)
			}
			if err := checkRevision6(buf.Bytes()); err != nil {
				t.Fatalf("password %q, packet %d: %v", password, i, err)
			}
			if err := checkUserPassword(buf.Bytes(), password); err != nil {
				t.Errorf("password %q, packet %d: %v", password, i, err)
			}
			if err := checkUserPassword(buf.Bytes(), password+"x"); err == nil {
				t.Errorf("password %q, packet %d: %q opens it too", password, i, password+"x")
			}
			if n < packet.MaxPasswordLen-1 || i > 0 {
				continue
			}
			t.Run("pdftotext "+strconv.Itoa(n), func(t *testing.T) {
				need(t, "pdftotext")
				out, err := pdftotext(t, save(t, buf.Bytes()), "-upw", password)
				if err != nil || !strings.Contains(out, "NOTEMARKER") {
					t.Errorf("pdftotext -upw %q: %v\n%.300s", password, err, out)
				}
			})
		}
	}
}

// TestBuildWithoutPasswordIsPDF17 checks that a packet without a password,
// the one the quality check shows, is not written as PDF 2.0 (which only
// encryption needs) and has no security handler.
func TestBuildWithoutPasswordIsPDF17(t *testing.T) {
	var buf bytes.Buffer
	if _, err := packet.Build(&buf, spec(), note()); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-1.7")) {
		t.Errorf("header %q, want %%PDF-1.7", bytes.SplitN(buf.Bytes(), []byte("\n"), 2)[0])
	}
	if d, err := securityHandler(buf.Bytes()); err == nil {
		t.Errorf("security handler %v in a packet without a password", d)
	}
}

// checkRevision6 reports whether pdf is a PDF 2.0 file encrypted with the
// standard security handler's AES-256 revision 6 (/V 5, /R 6).
func checkRevision6(pdf []byte) error {
	if !bytes.HasPrefix(pdf, []byte("%PDF-2.0")) {
		return fmt.Errorf("header %q, want %%PDF-2.0", bytes.SplitN(pdf, []byte("\n"), 2)[0])
	}
	d, err := securityHandler(pdf)
	if err != nil {
		return err
	}
	if d["V"] != "5" || d["R"] != "6" {
		return fmt.Errorf("/V %q /R %q, want /V 5 /R 6 (AES-256, revision 6)", d["V"], d["R"])
	}
	return nil
}

// note is a single short text item, so that building many packets is
// quick.
func note() []packet.Item {
	return []packet.Item{{Title: "Progress note", ContentType: packet.TypeText, Text: "NOTEMARKER: seen today."}}
}

// checkUserPassword reports whether password opens pdf, an AES-256
// packet, by ISO 32000-2 Algorithm 2.A: the first 32 bytes of /U are the
// hash of the password and the validation salt, /UE holds the file key
// encrypted with the hash of the password and the key salt, and /Perms,
// encrypted with the file key, repeats /P and says "adb".
func checkUserPassword(pdf []byte, password string) error {
	d, err := securityHandler(pdf)
	if err != nil {
		return err
	}
	r, err := strconv.Atoi(d["R"])
	if err != nil || (r != 5 && r != 6) {
		return fmt.Errorf("/R %q: not an AES-256 security handler", d["R"])
	}
	entry := func(name string, n int) ([]byte, error) {
		b, err := hex.DecodeString(d[name])
		if err != nil || len(b) != n {
			return nil, fmt.Errorf("/%s <%s>: not %d bytes", name, d[name], n)
		}
		return b, nil
	}
	u, err := entry("U", 48)
	if err != nil {
		return err
	}
	ue, err := entry("UE", 32)
	if err != nil {
		return err
	}
	perms, err := entry("Perms", 16)
	if err != nil {
		return err
	}
	p, err := strconv.ParseInt(d["P"], 10, 32)
	if err != nil {
		return fmt.Errorf("/P %q: %v", d["P"], err)
	}
	pw := []byte(password)
	if !bytes.Equal(hashPassword(r, pw, u[32:40]), u[:32]) {
		return fmt.Errorf("the password does not match /U")
	}
	block, err := aes.NewCipher(hashPassword(r, pw, u[40:48]))
	if err != nil {
		return err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(key, ue)
	if block, err = aes.NewCipher(key); err != nil {
		return err
	}
	plain := make([]byte, 16)
	block.Decrypt(plain, perms)
	if string(plain[9:12]) != "adb" || int32(binary.LittleEndian.Uint32(plain)) != int32(p) {
		return fmt.Errorf("the file key from /UE does not decrypt /Perms: % x", plain)
	}
	return nil
}

// hashPassword is the hash of a user password and salt: SHA-256 for
// revision 5 (Adobe's extension level 3), Algorithm 2.B for revision 6.
func hashPassword(r int, password, salt []byte) []byte {
	k := sha256.Sum256(append(bytes.Clone(password), salt...))
	if r == 5 {
		return k[:]
	}
	key := k[:]
	for round := 1; ; round++ {
		k1 := bytes.Repeat(append(bytes.Clone(password), key...), 64)
		block, _ := aes.NewCipher(key[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(block, key[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b) // 256 ≡ 1 (mod 3): the bytes' sum is the number's remainder
		}
		switch sum % 3 {
		case 0:
			h := sha256.Sum256(e)
			key = h[:]
		case 1:
			h := sha512.Sum384(e)
			key = h[:]
		default:
			h := sha512.Sum512(e)
			key = h[:]
		}
		if round >= 64 && int(e[len(e)-1]) <= round-32 {
			return key[:32]
		}
	}
}

var (
	objectRE = regexp.MustCompile(`(?s)\d+ \d+ obj(.*?)endobj`)
	entryRE  = regexp.MustCompile(`/(V|R|P|U|UE|Perms)\s*(<[0-9A-Fa-f]*>|-?\d+)`)
)

// securityHandler returns the entries of pdf's standard security handler
// dictionary that checkUserPassword and checkRevision6 read, hex strings without their
// angle brackets. pdfcpu writes the dictionary as an object of its own,
// outside the object streams.
func securityHandler(pdf []byte) (map[string]string, error) {
	for _, m := range objectRE.FindAllSubmatch(pdf, -1) {
		if !bytes.Contains(m[1], []byte("/Filter/Standard")) {
			continue
		}
		d := map[string]string{}
		for _, e := range entryRE.FindAllSubmatch(m[1], -1) {
			d[string(e[1])] = strings.Trim(string(e[2]), "<>")
		}
		return d, nil
	}
	return nil, fmt.Errorf("no standard security handler dictionary")
}
