"""Which CPUs run the sentence model under bfloat16: those with native bf16 arithmetic only."""

from __future__ import annotations

from whosaid.link.embed import native_bf16


def test_amx_and_avx512_bf16_are_native() -> None:
    assert native_bf16("flags\t\t: fpu sse2 avx2 avx512f amx_bf16 amx_tile")
    assert native_bf16("flags\t\t: fpu sse2 avx2 avx512f avx512_bf16 avx512_vnni")


def test_plain_avx512_or_avx2_is_not() -> None:
    assert not native_bf16("flags\t\t: fpu sse2 avx2 avx512f avx512bw avx512_vnni")
    assert not native_bf16("flags\t\t: fpu sse2 avx2")
    assert not native_bf16("")
