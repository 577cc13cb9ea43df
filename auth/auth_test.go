package auth_test

import (
	"strings"
	"testing"

	"github.com/chartroom/chartroom"
	"github.com/chartroom/chartroom/auth"
)

func TestPasswords(t *testing.T) {
	h, err := auth.HashPassword("correct horse battery 9")
	if err != nil || !strings.HasPrefix(h, "$argon2id$") {
		t.Fatalf("hash %q %v", h, err)
	}
	if !auth.CheckPassword(h, "correct horse battery 9") || auth.CheckPassword(h, "wrong") || auth.CheckPassword("garbage", "x") {
		t.Error("CheckPassword")
	}
	p := auth.DefaultPasswordPolicy
	for pw, ok := range map[string]bool{"short1": false, "onlylettersherealong": false, "123456789012345": false, "jdoe-is-my-name-1": false, "a good long one 7": true} {
		if err := p.Check(pw, "jdoe"); (err == nil) != ok {
			t.Errorf("policy on %q: %v", pw, err)
		}
	}
	if err := p.Check(auth.NewPassword(), "admin"); err != nil {
		t.Errorf("a generated one-time password breaks the policy: %v", err)
	}
}

func TestPolicyIsData(t *testing.T) {
	p := auth.NewPolicy()
	coder := &chartroom.User{Roles: []chartroom.Role{chartroom.RoleCoder}, Facilities: []string{"MAIN"}}
	if !p.Allows(coder, auth.PatientRead) || p.Allows(coder, auth.PatientWrite) {
		t.Error("coder grants")
	}
	if err := p.ParseGrants("# a site lets coders write patients\ncoder patient.write\n"); err != nil {
		t.Fatal(err)
	}
	if !p.Allows(coder, auth.PatientWrite) {
		t.Error("site grant not applied")
	}
	if err := p.ParseGrants("wizard patient.read"); err == nil {
		t.Error("unknown role accepted")
	}
	vip := &chartroom.Patient{Identifiers: []chartroom.Identifier{{Type: "MR", Facility: "MAIN", Value: "1"}}, Confidentiality: chartroom.Confidentiality{VIP: true}}
	if p.SeePatient(coder, vip, false) != auth.AccessBreakGlass || p.SeePatient(coder, vip, true) != auth.AccessGranted {
		t.Error("VIP rules")
	}
	other := &chartroom.Patient{Identifiers: []chartroom.Identifier{{Type: "MR", Facility: "EAST", Value: "1"}}}
	if p.SeePatient(coder, other, false) != auth.AccessDenied {
		t.Error("facility rule")
	}
}
