#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# Writes the fuzzers' seed inputs into DIR/NAME/: what Xen, libxl and the daemon really hand the loader.
#
#   seeds.py DIR SEABIOS_128K_IMAGE
# Each seed follows the input layout its harness (tests/fuzz/fuzz_NAME.c) documents.
import os
import random
import struct
import sys

out, seabios = sys.argv[1], sys.argv[2]
XS_DIRECTORY, XS_READ, XS_ERROR = 1, 2, 16


def write(name, tag, data):
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, tag), 'wb') as f:
        f.write(data)


def chunks(b):
    """The fake daemon's stream: a length byte before each piece of the replies."""
    o = b''
    for i in range(0, len(b), 255):
        o += bytes([len(b[i:i + 255])]) + b[i:i + 255]
    return o


def xs_msg(kind, req, payload):
    return struct.pack('<IIII', kind, req, 0, len(payload)) + payload


# xenstore: what xenstored answers probe_config()'s two batches (three listings, requests 1-3,
# then four values, 4-7), then hostile variants.
names = b'bios-vendor\0system-manufacturer\0oem-1\0oem-2\0'
write('xenstore', 'libxl', b'1\0' + chunks(xs_msg(XS_DIRECTORY, 1, b'acpi\0acpi_s3\0mmio_hole_size\0') +
                                        xs_msg(XS_DIRECTORY, 2, b'bios\0allow-memory-relocate\0') +
                                        xs_msg(XS_DIRECTORY, 3, names) + xs_msg(XS_READ, 4, b'seabios') +
                                        xs_msg(XS_READ, 5, b'1') + xs_msg(XS_READ, 6, b'268435456') +
                                        xs_msg(XS_ERROR, 7, b'ENOENT\0')))
write('xenstore', 'enoent', b'0x10\0' + chunks(b''.join(xs_msg(XS_ERROR, i, b'ENOENT\0') for i in range(1, 8))))
big = b''.join(b'oem-%d\0' % i for i in range(1, 400))
write('xenstore', 'long-listing', b'18446744073709551615\0' + chunks(xs_msg(XS_DIRECTORY, 1, b'\x01\x7f') +
                                                                    xs_msg(XS_DIRECTORY, 2, big)))
write('xenstore', 'pair', b'123:456\0')

# start info: libxc's layout, a "firmware" module after the image.
mem = bytearray(0x10000)
struct.pack_into('<IIIIQQQQI', mem, 0, 0x336ec578, 1, 0, 1, 0x100100, 0, 0, 0, 0)
struct.pack_into('<QQQQ', mem, 0x100, 0x108000, 0x2000, 0x100200, 0)
mem[0x200:0x209] = b'firmware\0'
write('start_info', 'libxc', struct.pack('<I', 0) + bytes(mem[:0x300]))

# hvm_info as libxl writes it for 2 vCPUs and 512 MiB, and a memory map behind it.
t = bytearray(48)
struct.pack_into('<8sIBBxxIIII', t, 0, b'HVM INFO', 48, 0, 1, 2, 0x20000, 0xFEFF0, 0)
t[32] = 3
t[12] = (-sum(t)) & 0xFF
memmap = struct.pack('<QQI', 0x100000, 0x1FF00000, 1) + struct.pack('<QQI', 0xFC000000, 0x4000000, 2)
write('hvm_info', 'libxl', b'\0' + bytes(t) + memmap)
write('hvm_info', 'resealed-200-vcpus', b'\1' + bytes(t[:16]) + struct.pack('<I', 200) + bytes(t[20:]) + memmap)

# e820: libxl's map (RAM from 1 MiB, an RDM reservation), and a fragmented one. Entries are Xen's
# packed struct e820entry, 20 bytes, as the harnesses read them.
def e(addr, size, kind):
    return struct.pack('<QQI', addr, size, kind)
lay = struct.pack('<IQQ', 0x1F, 0x10, 0)
write('e820', 'libxl', lay + e(0x100000, 0x1FF00000, 1) + e(0x100000000, 0x40000000, 1))
write('e820', 'rdm', lay + e(0x100000, 0x6FF00000, 1) + e(0x70000000, 0x100000, 2) + e(0x70100000, 0x7FF00000, 1))
write('e820', 'fragmented', lay + b''.join(e(0x100000 + i * 0x100000, 0x100000, 1 + i % 2) for i in range(29)))

# acpi_firmware: an SSDT with a checksum, then a table with a bad one.
def acpi_table(sig, body):
    h = bytearray(struct.pack('<4sIBB6s8sI4sI', sig, 36 + len(body), 2, 0, b'HVMCHN', b'FUZZSEED', 1, b'INTL', 1)) + body
    h[9] = (-sum(h)) & 0xFF
    return bytes(h)
ssdt = acpi_table(b'SSDT', b'\x10\x05\\_SB_')
write('acpi_blob', 'ssdt', ssdt)
write('acpi_blob', 'ssdt-and-bad', ssdt + acpi_table(b'OEMX', b'abc')[:-1] + b'\x00')
write('acpi_blob', 'second-fadt', ssdt + acpi_table(b'FACP', bytes(80)))

# smbios_firmware: records as libxl passes them (a length word, then the structure).
def rec(s):
    return struct.pack('<I', len(s)) + s
t1 = bytes([1, 0x1B, 0x34, 0x12, 1, 2]) + bytes(0x1B - 6) + b'Custom\0Machine\0\0'
vend = bytes([0xC8, 6, 4, 0, 0xAA, 0xBB]) + b'OEM\0\0'
write('smbios_blob', 'type1-and-vendor', rec(t1) + rec(vend))
write('smbios_blob', 'colliding', rec(vend) * 300)

# bios-strings: flags, OEM count, then length-prefixed values.
def strings(vals, oems):
    o = bytes([1, len(oems)])
    for v in vals + oems:
        o += bytes([len(v)]) + v
    return o
write('bios_strings', 'libxl', strings([b'Xen', b'4.17', b'Acme', b'Box 9000'], [b'oem one', b'oem two']))
write('bios_strings', 'full', strings([b'x' * 128] * 17, [b'o' * 128] * 3))

# SeaBIOS images: the ends of real ones (Xen's 128 KiB build, Debian's non-Xen images).
for tag, path, sel in (('xen-128k', seabios, 0), ('debian-256k', '/usr/share/seabios/bios-256k.bin', 1),
                       ('debian-128k', '/usr/share/seabios/bios.bin', 0)):
    if os.path.isfile(path):
        with open(path, 'rb') as f:
            img = f.read()
        write('seabios_image', tag, struct.pack('<I', sel) + img[-4096:])
write('seabios_image', 'two-bytes', struct.pack('<I', 2 + (2 << 2)) + b'\xEA\x5B')

# tables: a few arbitrary platforms (the harness makes any bytes a valid platform).
rnd = random.Random(11)
for i in range(8):
    write('tables', 'random-%d' % i, bytes(rnd.randrange(256) for _ in range(600 + 400 * i)))

# OVMF images: what the check reads of Debian's OVMF.fd (package ovmf) and of the SeaBIOS images
# (refused): the last 16 bytes, then each 64 KiB block's bytes at offset 40 (fuzz_ovmf_image.c).
def ovmf_seed(img):
    blocks = len(img) // 0x10000
    sel = 2 if len(img) == 2 << 20 else 3 if len(img) == 4 << 20 else (blocks << 2 if len(img) % 0x10000 == 0 else
                                                                         (len(img) << 2) | 1)
    o = struct.pack('<I', sel) + img[-16:]
    for b in range(blocks):
        sig = img[b * 0x10000 + 40:b * 0x10000 + 44]
        if sig != bytes(4):
            o += struct.pack('<H', b) + sig
    return o
for tag, path in (('debian-ovmf', '/usr/share/ovmf/OVMF.fd'), ('debian-ovmf-4m', '/usr/share/OVMF/OVMF_CODE_4M.fd'),
                  ('seabios-xen-128k', seabios), ('seabios-debian-256k', '/usr/share/seabios/bios-256k.bin')):
    if os.path.isfile(path):
        with open(path, 'rb') as f:
            write('ovmf_image', tag, ovmf_seed(f.read()))
