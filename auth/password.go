// Package auth decides who may do what: password hashing with argon2id,
// the password policy and lockout, TOTP second factors, session and API
// tokens, and the permission table that maps roles to actions and patients
// to the users who may see them.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/chartroom/chartroom"
	"golang.org/x/crypto/argon2"
)

// Argon2id parameters (RFC 9106's second recommended option, with less
// memory so a small server can sign in many users at once).
const (
	argonTime    = 3
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 2
	argonKeyLen  = 32
)

// HashPassword returns an argon2id hash in the PHC string format.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// CheckPassword reports whether pw matches hash, in constant time.
func CheckPassword(hash, pw string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || m > 1<<20 || t > 20 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// PasswordPolicy is a site's rule for new passwords.
type PasswordPolicy struct {
	MinLength    int  // default 12
	RequireMixed bool // letters and digits or symbols
}

// DefaultPasswordPolicy is the policy when a site sets none: 12 characters with
// letters and non-letters (NIST SP 800-63B favours length over rules).
var DefaultPasswordPolicy = PasswordPolicy{MinLength: 12, RequireMixed: true}

// Check reports why pw breaks the policy, naming the field "password".
func (p PasswordPolicy) Check(pw, username string) error {
	min := p.MinLength
	if min == 0 {
		min = 12
	}
	if len([]rune(pw)) < min {
		return chartroom.Invalid("password", "a password needs at least %d characters", min)
	}
	if len(pw) > 256 {
		return chartroom.Invalid("password", "a password has at most 256 characters")
	}
	if username != "" && strings.Contains(strings.ToLower(pw), strings.ToLower(username)) {
		return chartroom.Invalid("password", "a password must not contain the username")
	}
	if p.RequireMixed {
		var letter, other bool
		for _, r := range pw {
			if unicode.IsLetter(r) {
				letter = true
			} else {
				other = true
			}
		}
		if !letter || !other {
			return chartroom.Invalid("password", "a password needs letters and digits or symbols")
		}
	}
	return nil
}

// NewPassword returns a random one-time password that meets DefaultPasswordPolicy.
func NewPassword() string {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, 16)
	rand.Read(b)
	out := make([]byte, 0, 19)
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, alphabet[int(c)%len(alphabet)])
	}
	return string(out)
}

// NewToken returns a random bearer token and the hash under which it is
// stored. The token itself is never stored.
func NewToken(prefix string) (token string, hash []byte) {
	b := make([]byte, 32)
	rand.Read(b)
	token = prefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken returns the stored form of a token.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// ErrLocked reports a locked account.
var ErrLocked = errors.New("account locked after repeated failed sign-ins")
