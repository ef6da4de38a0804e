"""Small HDF5, NWB and MATLAB v7.3 files for the Datasets tests, built from one real excerpt.

The base is the first 30 s of data/mec/sargolini2006_10073-17010302.h5 (Sargolini et al. 2006,
Kavli grid-cell data) with units T1C1, T2C1 and T3C1; spikes up to 33 s are kept so that a few
fall after the tracked interval. One unit with no spikes ("T9C9", marked synthetic) is added to
pin that empty units are kept. Every broken file is a copy of good_native.h5 with one defect.

Run from the repository root: /usr/bin/python3 tests/Datasets.Tests/Fixtures/make_fixtures.py
(numpy 1.24.2, h5py 3.7.0 on Debian 12; no randomness). The outputs are committed; CI only
reads them.
"""
import os
import uuid

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SOURCE = os.path.join(ROOT, "data", "mec", "sargolini2006_10073-17010302.h5")
UNITS = ["T1C1", "T2C1", "T3C1"]
SECONDS = 30.0
SPIKE_MARGIN = 3.0


def load_excerpt():
    with h5py.File(SOURCE, "r") as f:
        t = f["position/t"][:]
        keep = t < t[0] + SECONDS
        pos = {k: f["position/" + k][:][keep] for k in ("t", "x", "y")}
        end = pos["t"][-1] + SPIKE_MARGIN
        spikes = {u: f["units/%s/spike_times" % u][:] for u in UNITS}
        spikes = {u: s[s <= end] for u, s in spikes.items()}
        attrs = {k: f.attrs[k] for k in f.attrs}
    spikes["T9C9"] = np.zeros(0)
    return pos, spikes, attrs


def write_native(path, pos, spikes, attrs, position_dtypes=None, spike_dtype="<f8",
                 skip=(), extra_x=False, position_kwargs=None, drop_root=()):
    position_dtypes = position_dtypes or {}
    position_kwargs = position_kwargs or {}
    with h5py.File(path, "w", libver="earliest") as f:
        for k, v in attrs.items():
            if k not in drop_root:
                f.attrs[k] = v
        f.attrs["description"] = np.bytes_("Test excerpt: first 30 s of sargolini2006_10073-17010302 "
                                           "(3 real units) plus one synthetic empty unit T9C9")
        g = f.create_group("position")
        for k in ("t", "x", "y"):
            if k in skip:
                continue
            data = pos[k]
            if k == "x" and extra_x:
                data = np.append(data, data[-1])
            g.create_dataset(k, data=data, dtype=position_dtypes.get(k, "<f8"),
                             **position_kwargs.get(k, {}))
        u = f.create_group("units")
        ids = list(spikes)
        u.create_dataset("ids", data=np.array([i.encode() for i in ids], dtype="S4"))
        for i in ids:
            ug = u.create_group(i)
            ug.attrs["n_spikes"] = np.int64(len(spikes[i]))
            ug.attrs["tetrode"] = np.int64(int(i[1]))
            if i == "T9C9":
                ug.attrs["note"] = np.bytes_("synthetic empty unit (test fixture)")
            data = spikes[i]
            if spike_dtype.startswith("<i8"):
                data = np.round(data * 1e6).astype("<i8")   # microseconds, a common export
            ug.create_dataset("spike_times", data=data, dtype=spike_dtype)


def tag(obj, ntype, ns="core"):
    s = h5py.string_dtype("utf-8")
    obj.attrs.create("neurodata_type", ntype, dtype=s)
    obj.attrs.create("namespace", ns, dtype=s)
    obj.attrs.create("object_id", str(uuid.uuid5(uuid.NAMESPACE_URL, "np-fixture" + obj.name)), dtype=s)


def write_nwb(path, pos, spikes, timing, linear=False):
    s = h5py.string_dtype("utf-8")
    with h5py.File(path, "w") as f:
        tag(f, "NWBFile")
        f.attrs.create("nwb_version", "2.5.0", dtype=s)
        f.create_dataset("identifier", data="np-fixture-" + timing, dtype=s)
        f.create_dataset("session_description", data="30 s excerpt of Sargolini et al. 2006 "
                         "session 10073-17010302 as NWB (test fixture)", dtype=s)
        f.create_dataset("session_start_time", data="2006-01-01T00:00:00+00:00", dtype=s)
        general = f.create_group("general")
        subject = general.create_group("subject")
        tag(subject, "Subject")
        subject.create_dataset("species", data="Rattus norvegicus", dtype=s)
        general.create_dataset("related_publications", data=["doi:10.1126/science.1125572"], dtype=s)
        units = f.create_group("units")
        tag(units, "Units")
        units.attrs.create("colnames", ["spike_times", "quality"], dtype=s)
        units.attrs.create("description", "units", dtype=s)
        ids = list(spikes)
        d = units.create_dataset("id", data=np.arange(len(ids), dtype=np.int64) + 101)
        tag(d, "ElementIdentifiers", "hdmf-common")
        flat = np.concatenate([spikes[i] for i in ids])
        st = units.create_dataset("spike_times", data=flat)
        tag(st, "VectorData", "hdmf-common")
        ends = np.cumsum([len(spikes[i]) for i in ids]).astype(np.uint16)
        si = units.create_dataset("spike_times_index", data=ends)
        tag(si, "VectorIndex", "hdmf-common")
        si.attrs["target"] = st.ref
        q = units.create_dataset("quality", data=["good", "good", "mua", "noise"], dtype=s)
        tag(q, "VectorData", "hdmf-common")
        behavior = f.create_group("processing/behavior")
        tag(behavior, "ProcessingModule")
        container = behavior.create_group("Position")
        tag(container, "Position")
        series = container.create_group("head")
        tag(series, "SpatialSeries")
        # Stored in units of 0.1 mm with conversion 1e-4 to metres and an offset, so a reader
        # must apply both and then convert metres to centimetres.
        xy = np.stack([pos["x"], pos["y"]], axis=1)[:, :1] if linear else np.stack([pos["x"], pos["y"]], axis=1)
        raw = (xy / 100.0 - 0.25) / 1e-4
        data = series.create_dataset("data", data=raw.astype("<f4") if timing == "rate" else raw,
                                     chunks=(256, xy.shape[1]), compression="gzip", shuffle=True)
        data.attrs.create("unit", "meters", dtype=s)
        data.attrs["conversion"] = np.float32(1e-4) if timing == "rate" else 1e-4
        data.attrs["offset"] = 0.25
        data.attrs["resolution"] = -1.0
        series.create_dataset("reference_frame", data="arena centre", dtype=s)
        if timing == "timestamps":
            ts = series.create_dataset("timestamps", data=pos["t"])
            ts.attrs["interval"] = np.int32(1)
            ts.attrs.create("unit", "seconds", dtype=s)
        else:
            st = series.create_dataset("starting_time", data=pos["t"][0])
            st.attrs["rate"] = 50.0
            st.attrs.create("unit", "seconds", dtype=s)


def write_mat73(path, pos, spikes):
    rdt = h5py.ref_dtype

    def rev(a):
        a = np.asarray(a)
        return a.transpose(tuple(range(a.ndim))[::-1])

    def put(grp, name, arr, cls, **extra):
        ds = grp.create_dataset(name, data=rev(arr))
        ds.attrs.create("MATLAB_class", np.bytes_(cls))
        for k, v in extra.items():
            ds.attrs[k] = v
        return ds

    def put_empty(grp, name, cls):
        ds = grp.create_dataset(name, data=np.array([0, 0], dtype=np.uint64))
        ds.attrs.create("MATLAB_class", np.bytes_(cls))
        ds.attrs["MATLAB_empty"] = np.uint8(1)
        return ds

    ids = list(spikes)
    with h5py.File(path, "w", userblock_size=512) as f:
        refs = f.create_group("#refs#")
        put_empty(refs, "a", "canonical empty")
        targets = []
        for k, i in enumerate(ids):
            name = "s%d" % k
            targets.append(put_empty(refs, name, "double") if len(spikes[i]) == 0
                           else put(refs, name, spikes[i].reshape(-1, 1), "double"))
        names = [put(refs, "n%d" % k, np.array([[ord(c) for c in i]], dtype=np.uint16), "char",
                     MATLAB_int_decode=np.int32(2)) for k, i in enumerate(ids)]
        cell = f.create_dataset("spikes", (len(ids), 1), dtype=rdt)
        for k, obj in enumerate(targets):
            cell[k, 0] = obj.ref
        cell.attrs.create("MATLAB_class", np.bytes_("cell"))
        cellnames = f.create_dataset("unit_names", (len(ids), 1), dtype=rdt)
        for k, obj in enumerate(names):
            cellnames[k, 0] = obj.ref
        cellnames.attrs.create("MATLAB_class", np.bytes_("cell"))
        session = f.create_group("session")
        session.attrs.create("MATLAB_class", np.bytes_("struct"))
        # MATLAB_fields as MATLAB writes it: one variable-length sequence of 1-character strings per
        # field, in field order (deliberately not alphabetical, so a reader must use it).
        order = ["pos", "post", "arena_cm"]
        names = np.empty(len(order), dtype=object)
        for k, field in enumerate(order):
            names[k] = np.array([c.encode() for c in field], dtype="S1")
        session.attrs.create("MATLAB_fields", names, dtype=h5py.vlen_dtype(np.dtype("S1")))
        put(session, "pos", np.stack([pos["x"], pos["y"]], axis=1), "double")   # N x 2
        put(session, "post", pos["t"].reshape(-1, 1), "double")                  # N x 1
        put(session, "arena_cm", np.array([[100.0]]), "double")
        put(f, "label", np.array([[ord(c) for c in "Sargolini 2006"]], dtype=np.uint16), "char",
            MATLAB_int_decode=np.int32(2))
    header = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 ."
    header = header.ljust(116, b" ") + b"\x00" * 8 + b"\x00\x02" + b"IM"
    with open(path, "r+b") as fh:
        fh.write(header)


def corrupt_fletcher(path):
    # Flip one bit inside the stored x values (chunked, fletcher32, no compression): only the
    # checksum can reveal it.
    with h5py.File(path, "r") as f:
        first = f["position/x"][0]
    raw = bytearray(open(path, "rb").read())
    at = raw.find(np.float64(first).tobytes())
    assert at > 0
    raw[at] ^= 0x01
    open(path, "wb").write(raw)


def main():
    pos, spikes, attrs = load_excerpt()
    out = lambda name: os.path.join(HERE, name)
    write_native(out("good_native.h5"), pos, spikes, attrs)
    write_native(out("missing_position_t.h5"), pos, spikes, attrs, skip=("t",))
    decreasing = dict(pos, t=pos["t"].copy())
    decreasing["t"][[700, 701]] = decreasing["t"][[701, 700]]
    write_native(out("t_decreasing.h5"), decreasing, spikes, attrs)
    write_native(out("x_longer_than_t.h5"), pos, spikes, attrs, extra_x=True)
    write_native(out("int64_spike_times.h5"), pos, spikes, attrs, spike_dtype="<i8")
    write_native(out("big_endian_positions.h5"), pos, spikes, attrs,
                 position_dtypes={"t": ">f8", "x": ">f8", "y": ">f8"})
    # A 1 s tracking loss (50 samples) where the units fire most, so spikes fall inside the gap.
    all_spikes = np.concatenate(list(spikes.values()))
    starts = range(100, 1400, 10)
    first = max(starts, key=lambda k: np.sum((all_spikes > pos["t"][k - 1]) & (all_spikes < pos["t"][k + 50])))
    gap = dict(pos, x=pos["x"].copy(), y=pos["y"].copy())
    gap["x"][first:first + 50] = np.nan
    gap["y"][first:first + 50] = np.nan
    write_native(out("nan_positions.h5"), gap, spikes, attrs)
    half_lost = dict(pos, x=pos["x"].copy())
    half_lost["x"][123] = np.nan
    write_native(out("x_nan_y_finite.h5"), half_lost, spikes, attrs)
    nan_time = dict(pos, t=pos["t"].copy())
    nan_time["t"][55] = np.nan
    write_native(out("nan_time.h5"), nan_time, spikes, attrs)
    write_native(out("lzf_positions.h5"), pos, spikes, attrs,
                 position_kwargs={"x": {"chunks": (256,), "compression": "lzf"}})
    checksummed = {k: {"chunks": (256,), "fletcher32": True, "shuffle": True, "compression": "gzip"}
                   for k in ("t", "x", "y")}
    write_native(out("fletcher32_positions.h5"), pos, spikes, attrs, position_kwargs=checksummed)
    write_native(out("fletcher32_corrupt.h5"), pos, spikes, attrs,
                 position_kwargs={"x": {"chunks": (256,), "fletcher32": True}})
    corrupt_fletcher(out("fletcher32_corrupt.h5"))
    write_native(out("no_arena.h5"), pos, spikes, attrs,
                 drop_root=("arena_shape", "arena_size_cm", "arena_size_note"))
    write_native(out("wrong_schema.h5"), pos, spikes, dict(attrs, schema=np.bytes_("mec-spikes/0")))
    write_nwb(out("position_timestamps.nwb"), pos, spikes, "timestamps")
    write_nwb(out("position_rate.nwb"), pos, spikes, "rate")
    write_nwb(out("position_linear.nwb"), pos, spikes, "timestamps", linear=True)
    write_mat73(out("session_v73.mat"), pos, spikes)


if __name__ == "__main__":
    main()
