package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chartroom/chartroom/hl7"
	"github.com/chartroom/chartroom/mllp"
	"github.com/chartroom/chartroom/storage"
)

// buildBinary builds chartroom once for the tests that run it as a process.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "chartroom")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// startProcess runs serve as a child process and waits for its MLLP port.
func startProcess(t *testing.T, bin, data, mllpAddr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--data", data, "--http", "127.0.0.1:0", "--mllp", mllpAddr, "--sqlite-sync", "FULL")
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 200; i++ {
		if c, err := net.DialTimeout("tcp", mllpAddr, 50*time.Millisecond); err == nil {
			c.Close()
			return cmd
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatal("serve did not open its MLLP port")
	return nil
}

func crashMessage(round, i int) []byte {
	return []byte(fmt.Sprintf("MSH|^~\\&|CRASHTEST|HVMC|CHARTROOM|HVMC|20260401120000||ADT^A08^ADT_A01|R%d-%06d|P|2.5.1\rEVN|A08|20260401120000\rPID|1||T%06d^^^HVMC^MR||Testperson^Case%d||19800101|F\rPV1|1|O\r",
		round, i, i%500, i%500))
}

// TestCrashDurability sends messages while the server is killed with
// SIGKILL at a random moment, restarts it, resends what was not ACKed, and
// checks that every ACKed message is stored exactly once.
func TestCrashDurability(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	rounds, total := 3, 20000
	if v, err := strconv.Atoi(os.Getenv("CHARTROOM_CRASH_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	bin := buildBinary(t)
	for round := 1; round <= rounds; round++ {
		data := t.TempDir()
		addr := freePort(t)
		cmd := startProcess(t, bin, data, addr)
		acked := make([]bool, total)
		var mu sync.Mutex
		send := func(ids []int) []int {
			var wg sync.WaitGroup
			var failed []int
			next := 0
			var nmu sync.Mutex
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					c, err := mllp.Dial(context.Background(), addr, nil)
					if err != nil {
						return
					}
					defer c.Close()
					c.Timeout = 5 * time.Second
					for {
						nmu.Lock()
						if next >= len(ids) {
							nmu.Unlock()
							return
						}
						i := ids[next]
						next++
						nmu.Unlock()
						ack, err := c.Send(context.Background(), crashMessage(round, i))
						if err != nil {
							nmu.Lock()
							failed = append(failed, i)
							nmu.Unlock()
							return
						}
						m, err := hl7.Parse(ack)
						if err != nil || m.Text("MSA-1") != "AA" || m.Text("MSA-2") != fmt.Sprintf("R%d-%06d", round, i) {
							t.Errorf("bad ACK for %d: %q", i, ack)
							return
						}
						mu.Lock()
						acked[i] = true
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			return failed
		}
		all := make([]int, total)
		for i := range all {
			all[i] = i
		}
		kill := time.Duration(200+rand.IntN(1500)) * time.Millisecond
		go func() {
			time.Sleep(kill)
			cmd.Process.Signal(syscall.SIGKILL)
		}()
		send(all)
		cmd.Wait()
		mu.Lock()
		before := 0
		var missing []int
		for i, ok := range acked {
			if ok {
				before++
			} else {
				missing = append(missing, i)
			}
		}
		mu.Unlock()
		// Restart and resend everything not acknowledged.
		cmd = startProcess(t, bin, data, addr)
		for tries := 0; len(missing) > 0 && tries < 5; tries++ {
			send(missing)
			missing = missing[:0]
			for i, ok := range acked {
				if !ok {
					missing = append(missing, i)
				}
			}
		}
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if len(missing) > 0 {
			t.Fatalf("round %d: %d messages never ACKed", round, len(missing))
		}
		s, err := storage.Open(context.Background(), storage.Config{DataDir: data})
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.DB().Query("SELECT control_id, count(*) FROM interface_messages WHERE sending_app = 'CRASHTEST' GROUP BY control_id")
		if err != nil {
			t.Fatal(err)
		}
		stored := map[string]int{}
		for rows.Next() {
			var id string
			var n int
			rows.Scan(&id, &n)
			stored[id] = n
		}
		rows.Close()
		s.Close()
		for i := 0; i < total; i++ {
			id := fmt.Sprintf("R%d-%06d", round, i)
			if stored[id] != 1 {
				t.Errorf("round %d: message %s stored %d times", round, id, stored[id])
			}
		}
		if len(stored) != total {
			t.Errorf("round %d: %d distinct messages stored, want %d", round, len(stored), total)
		}
		t.Logf("round %d: killed after %v with %d of %d ACKed; after restart and resend every one of %d is stored exactly once", round, kill, before, total, total)
		_ = strings.TrimSpace
	}
}
