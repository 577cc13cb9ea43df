package codeset

// Searcher is the search index over a Set.
type Searcher struct{}
