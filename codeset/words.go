package codeset

// Words splits text into the lower-case, stemmed words the search compares,
// without stop words: what a caller needs to compare its own text with a
// title the way the search does.
func Words(text string) []string { return tokenize(text, false) }
