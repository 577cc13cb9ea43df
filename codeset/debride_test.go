package codeset

import "testing"

func TestDebridementDepth(t *testing.T) {
	checkRewrite(t, debridementDepth, []rewriteCase{
		{"excisional debridement of left heel ulcer to bone", "excisional debridement of left tarsal ulcer to"},
		{"excisional debridement sacral ulcer to bone", "excisional debridement sacrum ulcer to"},
		{"excisional debridement abdominal wall wound to fascia", "excisional debridement abdomen wound to fascia"},
		{"excisional debridement of right shin wound to muscle", "excisional debridement of right lower leg wound to muscle"},
		// no depth, or no debridement: unchanged
		{"excisional debridement of left heel ulcer", "excisional debridement of left heel ulcer"},
		{"pressure ulcer of left heel with necrosis of bone", "pressure ulcer of left heel with necrosis of bone"},
	})
}
