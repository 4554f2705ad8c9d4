// Package serve is mou's guided web interview: a small web server, for
// the user's own browser on the same computer, that asks the
// questionnaire's questions one part at a time, saves each answer in the
// questionnaire file in place (comments and layout kept), shows every
// problem at its question with the message "mou validate" gives, and
// writes the documents. The partnership's life (handover, join, leave,
// signed, review) has a form each, calling the same use cases as the
// commands.
//
// Pages are rendered on the server from embedded html/template files and
// work without JavaScript. The server is safe by default: it listens on
// the loopback interface only, answers only requests addressed to the
// address it serves (against DNS rebinding), and refuses any request that
// changes something unless it carries the token of this run and comes
// from its own pages (against cross-site request forgery).
package serve

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/partnership-tools/mou/internal/app"
	"github.com/partnership-tools/mou/internal/questionnaire"
	"github.com/partnership-tools/mou/internal/theme"
)

// maxBody bounds the body of a request: a whole questionnaire's worth of
// answers, as the command line would read, and a little more for the
// form's own fields.
const maxBody = questionnaire.MaxFileBytes + 64<<10

// Config says what a server serves.
type Config struct {
	// File is the questionnaire; "" starts with a new partnership,
	// saved where the user says.
	File string
	// Out is the folder the documents are written to; "" means the
	// folder "out" beside the questionnaire.
	Out string
	// Dir is the folder a new questionnaire's name is taken relative
	// to, normally the working folder.
	Dir string
	// Theme and Templates lay out the documents, as generate's --paper,
	// --theme and --templates do: the zero Theme is the built-in one,
	// and Templates is the folder of the user's own templates, "" for
	// none.
	Theme     theme.Theme
	Templates string
}

// Server is one run of the interview, for one questionnaire file.
type Server struct {
	token string
	gen   *app.Generator
	look  look // how gen writes documents, for the use cases that write their own
	dir   string

	outDir string // as configured: "" for beside each questionnaire

	mu   sync.Mutex
	file string // "" until a questionnaire is opened or started
	out  string
	// host is the address requests must be made to, as "127.0.0.1:PORT";
	// set when the server starts listening.
	hosts []string
}

// New prepares a server.
func New(c Config) (*Server, error) {
	token := make([]byte, 32)
	if _, err := rand.Read(token); err != nil {
		return nil, err
	}
	lk := look{templates: c.Templates, theme: c.Theme}
	if lk.theme == (theme.Theme{}) {
		lk.theme = theme.Default()
	}
	fsys, err := app.TemplateSet(lk.templates)
	if err != nil {
		return nil, err
	}
	gen, err := app.New(app.Options{Theme: lk.theme, Templates: fsys, Workers: 1})
	if err != nil {
		return nil, err
	}
	s := &Server{token: hex.EncodeToString(token), gen: gen, look: lk, dir: c.Dir, outDir: c.Out}
	if c.File != "" {
		if _, err := app.Read(c.File); err != nil {
			return nil, err
		}
		s.setFile(c.File)
	}
	return s, nil
}

// look is how the server writes documents: the folder of the user's own
// templates ("" for none) and the theme, as generate's --templates,
// --paper and --theme give them. The use cases that write a document of
// their own (a review record) or fingerprint the text (a signature) take
// them from here, so that they write what the server's generator writes.
type look struct {
	templates string
	theme     theme.Theme
}

// setFile makes file the questionnaire served.
func (s *Server) setFile(file string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.file, s.out = file, s.outDir
	if s.out == "" {
		s.out = filepath.Join(filepath.Dir(file), "out")
	}
}

// current returns the questionnaire served and the output folder.
func (s *Server) current() (file, out string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.file, s.out
}

// Listen checks that addr is on the loopback interface and listens on it.
// A port of 0 picks a free one.
func Listen(addr string) (net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %q: %v (give a host and a port, such as 127.0.0.1:8080)", addr, err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("--addr %q: mou serve listens only on this computer's own loopback address (127.0.0.1 or ::1), so that no one else on the network can reach your answers", addr)
	}
	return net.Listen("tcp", net.JoinHostPort(ip.String(), port))
}

// Serve answers requests on l until ctx is done.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	s.allowHost(l.Addr().String())
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(l) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			return err
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// allowHost sets the addresses requests may be made to: the one listened
// on and, for 127.0.0.1, the name localhost with the same port.
func (s *Server) allowHost(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hosts = []string{addr}
	if host, port, err := net.SplitHostPort(addr); err == nil && host == "127.0.0.1" {
		s.hosts = append(s.hosts, net.JoinHostPort("localhost", port))
	}
}

func (s *Server) hostAllowed(host string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, h := range s.hosts {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// Handler returns the server's handler, with its guards around every
// page.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /start", s.start)
	mux.HandleFunc("POST /open", s.open)
	mux.HandleFunc("POST /new", s.create)
	mux.HandleFunc("GET /part/{screen}", s.showScreen)
	mux.HandleFunc("POST /part/{screen}", s.saveScreen)
	mux.HandleFunc("GET /clauses", s.showClauses)
	mux.HandleFunc("POST /clauses", s.dropStray)
	mux.HandleFunc("GET /clauses/{id}", s.showClause)
	mux.HandleFunc("POST /clauses/{id}", s.saveClause)
	mux.HandleFunc("GET /review", s.review)
	mux.HandleFunc("GET /preview/{kind}", s.preview)
	mux.HandleFunc("POST /generate", s.generate)
	mux.HandleFunc("GET /download/{name}", s.download)
	mux.HandleFunc("GET /life/{form}", s.showLife)
	mux.HandleFunc("POST /life/{form}", s.saveLife)
	mux.HandleFunc("GET /assets/{name}", s.asset)
	return s.guard(mux)
}

// guard refuses what the server must not answer, then sets the headers
// every response carries.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		// Only the preview may be shown in a frame, and only in this
		// server's own pages (the live preview beside a form).
		framed, ancestors := "DENY", "'none'"
		if strings.HasPrefix(r.URL.Path, "/preview/") {
			framed, ancestors = "SAMEORIGIN", "'self'"
		}
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors "+ancestors+"; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", framed)
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !s.hostAllowed(r.Host) {
			// A page from elsewhere that reached this server by a name
			// made to point here (DNS rebinding).
			http.Error(w, "mou serve answers only requests to its own address.", http.StatusMisdirectedRequest)
			return
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			// A page of another site may link here, but not load a
			// page, a preview or a document into itself: each costs a
			// run of the documents, and answers only this server's
			// pages and the address bar.
			site, mode := r.Header.Get("Sec-Fetch-Site"), r.Header.Get("Sec-Fetch-Mode")
			if (site == "cross-site" || site == "same-site") && mode != "navigate" {
				http.Error(w, "mou serve answers only its own pages.", http.StatusForbidden)
				return
			}
		case http.MethodPost:
			if status, reason := s.refusePost(w, r); reason != "" {
				http.Error(w, reason, status)
				return
			}
		default:
			http.Error(w, "Method not allowed.", http.StatusMethodNotAllowed)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// refusePost says why a request that changes something is refused, with
// the status to answer, or "" when it may go ahead: it must come from
// this server's own pages and carry this run's token. It reads the form,
// bounded to maxBody.
func (s *Server) refusePost(w http.ResponseWriter, r *http.Request) (int, string) {
	const elsewhere = "mou serve accepts changes only from its own pages."
	if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+r.Host {
		return http.StatusForbidden, elsewhere
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return http.StatusForbidden, elsewhere
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return http.StatusRequestEntityTooLarge, fmt.Sprintf("The form is larger than %d bytes, the limit for a questionnaire's answers.", maxBody)
		}
		return http.StatusBadRequest, "The form could not be read."
	}
	if subtle.ConstantTimeCompare([]byte(r.PostFormValue("token")), []byte(s.token)) != 1 {
		return http.StatusForbidden, "This form is from an earlier run of mou serve, or from somewhere else: reload the page and try again."
	}
	return 0, ""
}
