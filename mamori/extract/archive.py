"""ZIP archives: members read with bounded size, ratio, count and depth; encrypted members reported, never opened.

Member names without the UTF-8 flag are decoded as UTF-8 when valid, else CP932 (Japanese Windows), else CP437.
The same safe member reading serves the Office formats, which are ZIP packages too.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

from mamori.extract.context import Context, Stop
from mamori.extract.units import Location

_CHUNK = 1024 * 1024
_UTF8_FLAG = 0x800


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's real name: zipfile decodes flagless names as CP437; Japanese tools wrote CP932 or UTF-8."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for codec in ("utf-8", "cp932"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


def open_zip(ctx: Context, data: bytes, location: Location) -> zipfile.ZipFile | None:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError:
        ctx.issue("unsupported", "ZIP features not supported (multi-disk, unknown version)", location)
        return None
    except Exception as exc:  # BadZipFile, struct.error, OSError...: a broken directory is an issue
        ctx.issue("corrupt", f"not a readable ZIP file ({type(exc).__name__})", location)
        return None


def is_encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1) or info.compress_type == 99  # 99: WinZip AES


def read_member(ctx: Context, zf: zipfile.ZipFile, info: zipfile.ZipInfo, location: Location) -> bytes | None:
    """The member's bytes, or None with an issue (encrypted, too_large, ratio, corrupt, unsupported).

    Declared sizes are checked first, then enforced while streaming, since a hostile archive can lie about them.
    """
    limits = ctx.limits
    if is_encrypted(info):
        ctx.issue("encrypted", "encrypted member; not inspected", location)
        return None
    if info.file_size > limits.max_bytes:
        ctx.issue(
            "too_large", f"member expands to {info.file_size} bytes, over the limit of {limits.max_bytes}", location
        )
        return None
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(1, info.compress_size):
        ctx.issue(
            "ratio", f"compression ratio over {limits.max_ratio:g}:1 (possible zip bomb); not inspected", location
        )
        return None
    out = bytearray()
    try:
        with zf.open(info) as stream:
            while True:
                ctx.check(location)
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > limits.max_bytes:
                    ctx.issue("too_large", f"member expands past the limit of {limits.max_bytes} bytes", location)
                    return None
                if len(out) > limits.ratio_floor and len(out) > limits.max_ratio * max(1, info.compress_size):
                    ctx.issue("ratio", f"compression ratio over {limits.max_ratio:g}:1 (possible zip bomb)", location)
                    return None
    except Stop:
        raise
    except NotImplementedError:
        ctx.issue("unsupported", f"unsupported compression method {info.compress_type}", location)
        return None
    except RuntimeError as exc:  # zipfile raises RuntimeError for encryption it detects late
        ctx.issue("encrypted" if "encrypt" in str(exc).lower() else "corrupt", "member could not be read", location)
        return None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, IndexError, TypeError) as exc:
        ctx.issue("corrupt", f"member could not be read ({type(exc).__name__})", location)
        return None
    except Exception as exc:  # zlib.error and friends: a broken member is an issue, not a crash
        ctx.issue("corrupt", f"member could not be read ({type(exc).__name__})", location)
        return None
    if not ctx.take_bytes(len(out), location):
        return None
    return bytes(out)


def read_zip(ctx: Context, data: bytes, location: Location) -> None:
    zf = open_zip(ctx, data, location)
    if zf is None:
        return
    with zf:
        try:
            infos = zf.infolist()
        except Exception as exc:
            ctx.issue("corrupt", f"archive directory unreadable ({type(exc).__name__})", location)
            return
        for info in infos:
            if info.is_dir():
                continue
            name = member_name(info)
            path = (*location.path, name)
            member_loc = replace(location, path=path)
            ctx.check(member_loc)
            if not ctx.take_member(member_loc):
                return
            ctx.add_name(name, member_loc)
            content = read_member(ctx, zf, info, member_loc)
            if content is not None:
                ctx.child(content, name, None, path)
