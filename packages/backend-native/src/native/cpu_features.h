// Which instruction set the kernels run with, decided once at run time.
#pragma once

namespace dlnative {

enum class Isa { kGeneric = 0, kAvx2 = 1, kAvx512 = 2 };

/** The best instruction set this CPU supports (AVX-512F, AVX2 with FMA, or plain C++). */
Isa detected_isa();

/** The instruction set in use: the detected one unless DL_NATIVE_ISA or set_isa() lowered it. */
Isa active_isa();

/** Uses `isa` if the CPU supports it; returns false (and changes nothing) otherwise. */
bool set_isa(Isa isa);

const char* isa_name(Isa isa);

}  // namespace dlnative
