// Command langhost is the stand-in for Pulumi's Python, Node.js and Go language hosts
// (pulumi-language-python, pulumi-language-nodejs, pulumi-language-go), built by tools/build-engine under
// those three names. It picks its language from the name it is run as.
//
// Why a stand-in: the real hosts are separate Go modules inside github.com/pulumi/pulumi (sdk/*/cmd/...),
// untagged, and the Go module proxy this project reaches refuses them at every version and commit (403), so
// they cannot be built here. Everything a real host delegates to is Pulumi's own code, used unchanged:
//   - programs run through the SDK's own launchers: Pulumi's pulumi-language-python-exec shim (copied from
//     the sdk/v3 module), @pulumi/pulumi's cmd/run for Node.js, and `go build` of the Go SDK program;
//   - virtualenvs and dependencies through the sdk/v3 Python toolchain package (pip, uv or poetry);
//   - plugins (the component provider, the CrossGuard policy pack) through RunPlugin, as the real hosts do;
//   - SDK generation through pkg/v3's codegen for nodejs, go and python, binding the schema as gen-sdk does.
//
// What it does not do that a real host does: it reports no required packages (the engine loads each
// provider when the program first registers a resource of it), no program dependency listing, no
// program conversion, and no debugger attach.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	"github.com/pulumi/pulumi/sdk/v3/go/common/version"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"github.com/pulumi/pulumi/sdk/v3/python/toolchain"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

// bailExitCode is the exit status Pulumi's launchers use for "an error was already shown to the user".
const bailExitCode = 32

type host struct {
	pulumirpc.UnimplementedLanguageRuntimeServer
	language      string
	engineAddress string
}

func main() {
	language := strings.TrimPrefix(filepath.Base(os.Args[0]), "pulumi-language-")
	switch language {
	case "python", "nodejs", "go":
	default:
		fmt.Fprintf(os.Stderr, "langhost: run as pulumi-language-python, -nodejs or -go, not %q\n", os.Args[0])
		os.Exit(2)
	}
	h := &host{language: language}
	// The engine passes flags (-root=..., --tracing ...) and then its own address, which comes last.
	for _, arg := range os.Args[1:] {
		if !strings.HasPrefix(arg, "-") {
			h.engineAddress = arg
		}
	}
	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterLanguageRuntimeServer(srv, h)
			return nil
		},
		Options: rpcutil.OpenTracingServerInterceptorOptions(nil),
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "langhost: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%d\n", handle.Port)
	if err := <-handle.Done; err != nil {
		fmt.Fprintf(os.Stderr, "langhost: %v\n", err)
		os.Exit(1)
	}
}

func (h *host) Handshake(
	_ context.Context, req *pulumirpc.LanguageHandshakeRequest,
) (*pulumirpc.LanguageHandshakeResponse, error) {
	h.engineAddress = req.GetEngineAddress()
	return &pulumirpc.LanguageHandshakeResponse{}, nil
}

func (h *host) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: version.Version}, nil
}

func (h *host) GetRequiredPlugins(
	context.Context, *pulumirpc.GetRequiredPluginsRequest,
) (*pulumirpc.GetRequiredPluginsResponse, error) {
	return &pulumirpc.GetRequiredPluginsResponse{}, nil
}

func (h *host) GetRequiredPackages(
	context.Context, *pulumirpc.GetRequiredPackagesRequest,
) (*pulumirpc.GetRequiredPackagesResponse, error) {
	return &pulumirpc.GetRequiredPackagesResponse{}, nil
}

func (h *host) GetProgramDependencies(
	context.Context, *pulumirpc.GetProgramDependenciesRequest,
) (*pulumirpc.GetProgramDependenciesResponse, error) {
	return &pulumirpc.GetProgramDependenciesResponse{}, nil
}

func (h *host) About(context.Context, *pulumirpc.AboutRequest) (*pulumirpc.AboutResponse, error) {
	return &pulumirpc.AboutResponse{Executable: os.Args[0], Version: version.Version}, nil
}

func (h *host) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

// option reads one string runtime option (Pulumi.yaml `runtime: options:`).
func option(info *pulumirpc.ProgramInfo, name string) string {
	if info.GetOptions() == nil {
		return ""
	}
	if v, ok := info.GetOptions().GetFields()[name]; ok {
		return v.GetStringValue()
	}
	return ""
}

// pythonToolchain resolves the program's or plugin's Python through the sdk/v3 toolchain package. A plugin
// (a component provider or policy pack) without a `virtualenv` option gets `venv` in its own folder, where
// `pulumi package add` and `pulumi install` put its environment.
func pythonToolchain(info *pulumirpc.ProgramInfo, plugin bool) (toolchain.Toolchain, error) {
	opts := toolchain.PythonOptions{
		Root:       info.GetRootDirectory(),
		ProgramDir: info.GetProgramDirectory(),
		Virtualenv: option(info, "virtualenv"),
		Toolchain:  toolchain.Pip,
	}
	if opts.Virtualenv == "" && plugin {
		opts.Virtualenv = "venv"
	}
	switch option(info, "toolchain") {
	case "", "pip":
	case "uv":
		opts.Toolchain = toolchain.Uv
	case "poetry":
		opts.Toolchain = toolchain.Poetry
	default:
		return nil, fmt.Errorf("unsupported python toolchain %q", option(info, "toolchain"))
	}
	return toolchain.ResolveToolchain(opts)
}

// configEnv is how every Pulumi SDK receives the stack's configuration.
func configEnv(req *pulumirpc.RunRequest) ([]string, error) {
	cfg, err := json.Marshal(req.GetConfig())
	if err != nil {
		return nil, err
	}
	keys := req.GetConfigSecretKeys()
	if keys == nil {
		keys = []string{}
	}
	secretKeys, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	return []string{"PULUMI_CONFIG=" + string(cfg), "PULUMI_CONFIG_SECRET_KEYS=" + string(secretKeys)}, nil
}

func entryPoint(info *pulumirpc.ProgramInfo) string {
	entry := info.GetEntryPoint()
	if entry == "" {
		entry = "."
	}
	return filepath.Join(info.GetProgramDirectory(), entry)
}

func (h *host) Run(ctx context.Context, req *pulumirpc.RunRequest) (*pulumirpc.RunResponse, error) {
	env, err := configEnv(req)
	if err != nil {
		return nil, err
	}
	var cmd *exec.Cmd
	switch h.language {
	case "python":
		cmd, err = h.pythonRun(ctx, req)
	case "nodejs":
		cmd, err = h.nodeRun(ctx, req)
	case "go":
		cmd, env, err = h.goRun(ctx, req, env)
	}
	if err != nil {
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	cmd.Dir = req.GetPwd()
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdout = os.Stdout
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == bailExitCode {
				return &pulumirpc.RunResponse{Bail: true}, nil
			}
			// The real hosts' wording: Python's is lower case, Node.js's and Go's capitalised.
			message := fmt.Sprintf("Program exited with non-zero exit code: %d", exit.ExitCode())
			if h.language == "python" {
				message = strings.ToLower(message[:1]) + message[1:]
			}
			return &pulumirpc.RunResponse{Error: message}, nil
		}
		return &pulumirpc.RunResponse{Error: err.Error()}, nil
	}
	return &pulumirpc.RunResponse{}, nil
}

func (h *host) pythonRun(ctx context.Context, req *pulumirpc.RunRequest) (*exec.Cmd, error) {
	tc, err := pythonToolchain(req.GetInfo(), false)
	if err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{
		"-u", filepath.Join(filepath.Dir(self), "pulumi-language-python-exec"),
		"--monitor", req.GetMonitorAddress(), "--engine", h.engineAddress,
		"--project", req.GetProject(), "--stack", req.GetStack(), "--pwd", req.GetPwd(),
		"--root_directory", req.GetInfo().GetRootDirectory(), "--organization", req.GetOrganization(),
		"--dry_run", strconv.FormatBool(req.GetDryRun()),
	}
	if req.GetParallel() > 0 {
		args = append(args, "--parallel", strconv.Itoa(int(req.GetParallel())))
	}
	args = append(args, entryPoint(req.GetInfo()))
	args = append(args, req.GetArgs()...)
	return tc.Command(ctx, args...)
}

// nodeModule finds a package in node_modules, walking up from dir as Node's resolution does.
func nodeModule(dir, pkg string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		candidate := filepath.Join(d, "node_modules", pkg)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("cannot find %s in node_modules above %s; run `npm install` (or `pulumi install`)", pkg, dir)
		}
	}
}

func (h *host) nodeRun(ctx context.Context, req *pulumirpc.RunRequest) (*exec.Cmd, error) {
	sdk, err := nodeModule(req.GetInfo().GetProgramDirectory(), "@pulumi/pulumi")
	if err != nil {
		return nil, err
	}
	args := []string{
		filepath.Join(sdk, "cmd", "run"),
		"--monitor=" + req.GetMonitorAddress(), "--engine=" + h.engineAddress,
		"--project=" + req.GetProject(), "--stack=" + req.GetStack(), "--pwd=" + req.GetPwd(),
		"--root-directory=" + req.GetInfo().GetRootDirectory(), "--organization=" + req.GetOrganization(),
	}
	if req.GetDryRun() {
		args = append(args, "--dry-run")
	}
	if req.GetParallel() > 0 {
		args = append(args, "--parallel="+strconv.Itoa(int(req.GetParallel())))
	}
	args = append(args, entryPoint(req.GetInfo()))
	args = append(args, req.GetArgs()...)
	cmd := exec.CommandContext(ctx, "node", args...)
	typescript := option(req.GetInfo(), "typescript") != "false"
	cmd.Env = append(os.Environ(), "PULUMI_NODEJS_TYPESCRIPT="+strconv.FormatBool(typescript))
	return cmd, nil
}

func (h *host) goRun(ctx context.Context, req *pulumirpc.RunRequest, env []string) (*exec.Cmd, []string, error) {
	out, err := os.MkdirTemp("", "pulumi-go-program-")
	if err != nil {
		return nil, nil, err
	}
	binary := filepath.Join(out, "program")
	build := exec.CommandContext(ctx, "go", "build", "-o", binary, ".")
	build.Dir = req.GetInfo().GetProgramDirectory()
	build.Stdout = os.Stderr
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return nil, nil, fmt.Errorf("go build of the program failed: %w", err)
	}
	env = append(env,
		"PULUMI_MONITOR="+req.GetMonitorAddress(), "PULUMI_ENGINE="+h.engineAddress,
		"PULUMI_PROJECT="+req.GetProject(), "PULUMI_STACK="+req.GetStack(),
		"PULUMI_ORGANIZATION="+req.GetOrganization(), "PULUMI_DRY_RUN="+strconv.FormatBool(req.GetDryRun()),
		"PULUMI_PARALLEL="+strconv.Itoa(int(req.GetParallel())),
		"PULUMI_ROOT_DIRECTORY="+req.GetInfo().GetRootDirectory(),
	)
	return exec.CommandContext(ctx, binary, req.GetArgs()...), env, nil
}

// streamWriter forwards a child's output to the engine as RunPlugin or InstallDependencies chunks.
type streamWriter func([]byte) error

func (w streamWriter) Write(p []byte) (int, error) {
	chunk := make([]byte, len(p))
	copy(chunk, p)
	if err := w(chunk); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest, srv grpc.ServerStreamingServer[pulumirpc.RunPluginResponse]) error {
	ctx := srv.Context()
	var cmd *exec.Cmd
	var err error
	program := entryPoint(req.GetInfo())
	switch h.language {
	case "python":
		var tc toolchain.Toolchain
		if tc, err = pythonToolchain(req.GetInfo(), true); err == nil {
			cmd, err = tc.Command(ctx, append([]string{"-u", program}, req.GetArgs()...)...)
		}
	case "nodejs":
		cmd = exec.CommandContext(ctx, "node", append([]string{program}, req.GetArgs()...)...)
	case "go":
		cmd = exec.CommandContext(ctx, "go", append([]string{"run", "."}, req.GetArgs()...)...)
		cmd.Dir = req.GetInfo().GetProgramDirectory()
	}
	if err != nil {
		return err
	}
	if cmd.Dir == "" {
		cmd.Dir = req.GetPwd()
	}
	if cmd.Env == nil {
		cmd.Env = os.Environ()
	}
	cmd.Env = append(cmd.Env, req.GetEnv()...)
	cmd.Stdout = streamWriter(func(b []byte) error {
		return srv.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stdout{Stdout: b}})
	})
	cmd.Stderr = streamWriter(func(b []byte) error {
		return srv.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Stderr{Stderr: b}})
	})
	code := 0
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return err
		}
		code = exit.ExitCode()
	}
	return srv.Send(&pulumirpc.RunPluginResponse{Output: &pulumirpc.RunPluginResponse_Exitcode{Exitcode: int32(code)}})
}

func (h *host) InstallDependencies(
	req *pulumirpc.InstallDependenciesRequest, srv grpc.ServerStreamingServer[pulumirpc.InstallDependenciesResponse],
) error {
	ctx := srv.Context()
	stdout := streamWriter(func(b []byte) error {
		return srv.Send(&pulumirpc.InstallDependenciesResponse{Stdout: b})
	})
	stderr := streamWriter(func(b []byte) error {
		return srv.Send(&pulumirpc.InstallDependenciesResponse{Stderr: b})
	})
	dir := req.GetInfo().GetProgramDirectory()
	if dir == "" {
		dir = req.GetDirectory()
	}
	switch h.language {
	case "python":
		tc, err := pythonToolchain(req.GetInfo(), req.GetIsPlugin())
		if err != nil {
			return err
		}
		return tc.InstallDependencies(ctx, dir, req.GetUseLanguageVersionTools(), true, stdout, stderr)
	case "nodejs":
		return runInto(ctx, dir, stdout, stderr, "npm", "install", "--no-audit", "--no-fund")
	default:
		return runInto(ctx, dir, stdout, stderr, "go", "mod", "download")
	}
}

func runInto(ctx context.Context, dir string, stdout, stderr io.Writer, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	return cmd.Run()
}

func (h *host) GeneratePackage(
	_ context.Context, req *pulumirpc.GeneratePackageRequest,
) (*pulumirpc.GeneratePackageResponse, error) {
	client, err := schema.NewLoaderClient(req.GetLoaderTarget())
	if err != nil {
		return nil, err
	}
	defer client.Close()
	loader := schema.NewCachedLoader(client)
	var spec schema.PackageSpec
	if err := json.Unmarshal([]byte(req.GetSchema()), &spec); err != nil {
		return nil, err
	}
	pkg, diags, err := schema.BindSpec(spec, loader, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return nil, err
	}
	rpcDiags := plugin.HclDiagnosticsToRPCDiagnostics(diags)
	if diags.HasErrors() {
		return &pulumirpc.GeneratePackageResponse{Diagnostics: rpcDiags}, nil
	}
	tool := "pulumi-language-" + h.language
	var files map[string][]byte
	switch h.language {
	case "python":
		files, err = python.GeneratePackage(tool, pkg, req.GetExtraFiles(), loader)
	case "nodejs":
		files, err = nodejs.GeneratePackage(tool, pkg, req.GetExtraFiles(), req.GetLocalDependencies(), req.GetLocal(), loader)
	case "go":
		files, err = gogen.GeneratePackage(tool, pkg, req.GetLocalDependencies())
	}
	if err != nil {
		return nil, err
	}
	for name, content := range files {
		path := filepath.Join(req.GetDirectory(), name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(path, content, 0o600); err != nil {
			return nil, err
		}
	}
	return &pulumirpc.GeneratePackageResponse{Diagnostics: rpcDiags}, nil
}
