"""Compiles the trainers' CUDA source (argv[1]) with NVIDIA's runtime compiler and the options of
src/trainer/cuda.rs's ptx(), for compute capability argv[2]; benches/gpu/emulate.sh runs it."""
import ctypes
import os
import sys

names = ["libnvrtc.so.13"]
if os.environ.get("CUDA_HOME"):
    names.insert(0, os.path.join(os.environ["CUDA_HOME"], "lib", "libnvrtc.so.13"))
lib = None
for name in names:
    try:
        lib = ctypes.CDLL(name)
        break
    except OSError:
        pass
if lib is None:
    print("nvrtc not found (source the env.sh of scripts/cuda-toolkit.sh): not compiled for a GPU")
    sys.exit(0)
prog = ctypes.c_void_p()
src = open(sys.argv[1], "rb").read()
if lib.nvrtcCreateProgram(ctypes.byref(prog), src, b"cohort_trainer.cu", 0, None, None) != 0:
    sys.exit("FAIL nvrtcCreateProgram")
opts = [b"--fmad=false", b"--prec-div=true", b"--prec-sqrt=true", b"--ftz=false",
        b"--gpu-architecture=compute_" + sys.argv[2].encode()]
r = lib.nvrtcCompileProgram(prog, len(opts), (ctypes.c_char_p * len(opts))(*opts))
size = ctypes.c_size_t()
lib.nvrtcGetProgramLogSize(prog, ctypes.byref(size))
log = ctypes.create_string_buffer(size.value)
lib.nvrtcGetProgramLog(prog, log)
if r != 0:
    sys.exit("FAIL nvrtc:\n" + log.value.decode())
print(f"nvrtc compiles the kernels for compute_{sys.argv[2]}")
