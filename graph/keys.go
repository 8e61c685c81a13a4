package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normName folds a name for use in a key: accents removed, lower case,
// punctuation dropped, runs of spaces collapsed ("Sébastien  Lecornu" and
// "sebastien lecornu" give the same key; "U.S." gives "us").
func normName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '\'' || r == '’':
			// "U.S." -> "us", "O'Brien" -> "obrien"
		default:
			space = true
		}
	}
	return b.String()
}

// surname is the last word of a normalised name.
func surname(key string) string {
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		return key[i+1:]
	}
	return key
}

// hashKey makes a short stable key from parts.
func hashKey(kind string, parts ...string) string {
	h := sha256.New()
	h.Write([]byte(kind))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return kind + ":" + hex.EncodeToString(h.Sum(nil)[:12])
}

// placeKey identifies a place by name and country: "Paris" in FR and
// "Paris" in US (Texas) are two places.
func placeKey(name, country string) string {
	return normName(name) + "|" + strings.ToUpper(country)
}
