package http

import (
	"net/http"

	"github.com/chartroom/chartroom"
)

// handleOpenAPI describes the JSON API as OpenAPI 3.1, built from the route
// table so that it cannot drift from the routes.
func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) error {
	paths := map[string]map[string]any{}
	for _, rt := range s.routes {
		method, path, ok := cutPattern(rt.pattern)
		if !ok || len(path) < 8 || path[:8] != "/api/v1/" {
			continue
		}
		if paths[path] == nil {
			paths[path] = map[string]any{}
		}
		op := map[string]any{
			"summary":   rt.pattern,
			"responses": map[string]any{"200": map[string]any{"description": "OK"}, "default": map[string]any{"description": "Error", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}},
		}
		if rt.rule.action != "" {
			op["x-chartroom-action"] = string(rt.rule.action)
			op["security"] = []any{map[string]any{"session": []any{}}}
		}
		if len(path) > 4 && path[len(path)-4:] == "{id}" || containsID(path) {
			op["parameters"] = []any{map[string]any{"name": "id", "in": "path", "required": true, "schema": map[string]any{"type": "integer"}}}
		}
		paths[path][lower(method)] = op
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info":    map[string]any{"title": "Chartroom API", "version": "1", "description": "The legal health record: patients, encounters, providers and documents. Errors are {\"error\": {\"kind\", \"message\", \"field\"}}. Lists page by cursor: pass next_cursor back as cursor."},
		"paths":   paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"session": map[string]any{"type": "apiKey", "in": "cookie", "name": sessionCookie}},
			"schemas": map[string]any{
				"Error": map[string]any{"type": "object", "properties": map[string]any{"error": map[string]any{"type": "object", "properties": map[string]any{
					"kind": map[string]any{"type": "string"}, "message": map[string]any{"type": "string"}, "field": map[string]any{"type": "string"}}}}},
				"EncounterClass": map[string]any{"type": "string", "enum": chartroom.EncounterClasses()},
			},
		},
	}
	return writeJSON(w, http.StatusOK, doc)
}

func cutPattern(p string) (method, path string, ok bool) {
	for i := 0; i < len(p); i++ {
		if p[i] == ' ' {
			return p[:i], p[i+1:], true
		}
	}
	return "", "", false
}

func containsID(p string) bool {
	for i := 0; i+4 <= len(p); i++ {
		if p[i:i+4] == "{id}" {
			return true
		}
	}
	return false
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
