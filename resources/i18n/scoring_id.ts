<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CriterionCard</name>
    <message>
        <source>Weight %1%</source>
        <translation>Bobot %1%</translation>
    </message>
    <message>
        <source>Note on %1</source>
        <translation>Catatan untuk %1</translation>
    </message>
</context>
<context>
    <name>InterviewTimer</name>
    <message>
        <source>Time left in the interview</source>
        <translation>Sisa waktu wawancara</translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation>Atu&amp;r ulang</translation>
    </message>
    <message>
        <source>Reset the timer (Ctrl+Shift+T)</source>
        <translation>Atur ulang pengatur waktu (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Reset the timer</source>
        <translation>Atur ulang pengatur waktu</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Jeda</translation>
    </message>
    <message>
        <source>Pause the timer (Ctrl+T)</source>
        <translation>Jeda pengatur waktu (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Start timer</source>
        <translation>&amp;Mulai timer</translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>Start the timer (Ctrl+T)</source>
        <translation>Mulai pengatur waktu (Ctrl+T)</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Berjalan %1</translation>
    </message>
    <message>
        <source>Over time +%1</source>
        <translation>Lewat waktu +%1</translation>
    </message>
    <message>
        <source>%1 left of %2</source>
        <translation>Sisa %1 dari %2</translation>
    </message>
</context>
<context>
    <name>RatingInput</name>
    <message>
        <source>Rating for %1</source>
        <translation>Nilai untuk %1</translation>
    </message>
    <message>
        <source>%1: rating %2 %3</source>
        <translation>%1: nilai %2 %3</translation>
    </message>
    <message>
        <source>Rating for %1 (slider)</source>
        <translation>Nilai untuk %1 (penggeser)</translation>
    </message>
    <message>
        <source>Clear this rating (or empty the field and press Enter)</source>
        <translation>Hapus nilai ini (atau kosongkan isian lalu tekan Enter)</translation>
    </message>
    <message>
        <source>Clear the rating for %1</source>
        <translation>Hapus nilai untuk %1</translation>
    </message>
    <message>
        <source>From %1 to %2 in steps of %3</source>
        <translation>Dari %1 sampai %2, kelipatan %3</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Ctrl+Enter: OK · Enter: new line · Tab: to the buttons · Esc: cancel</source>
        <translation>Ctrl+Enter: OK · Enter: baris baru · Tab: ke tombol · Esc: batal</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Alasan wajib diisi.</translation>
    </message>
    <message>
        <source>Save the reason (Ctrl+Enter)</source>
        <translation>Simpan alasan (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ScoringDialog</name>
    <message>
        <source>Scoring: %1</source>
        <translation>Penilaian: %1</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>Judge: %1</source>
        <translation>Panelis: %1</translation>
    </message>
    <message>
        <source>Representatives: %1</source>
        <translation>Perwakilan: %1</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>A demonstration event: its participants, weights and scores are examples.</source>
        <translation>Kegiatan demo: peserta, bobot dan nilainya hanya contoh.</translation>
    </message>
    <message>
        <source>Crit&amp;eria</source>
        <translation>Krit&amp;eria</translation>
    </message>
    <message>
        <source>Locked: the ratings can be read, not changed · Ctrl+Shift+L: unlock</source>
        <translation>Terkunci: nilai dapat dibaca, tidak dapat diubah · Ctrl+Shift+L: buka kunci</translation>
    </message>
    <message>
        <source>Ratings are off (conflict of interest); notes can still be written</source>
        <translation>Nilai tidak dapat diisi (konflik kepentingan); catatan tetap dapat ditulis</translation>
    </message>
    <message>
        <source>Type a rating or click a level · Enter: next criterion</source>
        <translation>Ketik nilai atau klik tingkatnya · Enter: kriteria berikutnya</translation>
    </message>
    <message>
        <source>The weights of this category are examples, not official weights.</source>
        <translation>Bobot kategori ini hanya contoh, bukan bobot resmi.</translation>
    </message>
    <message>
        <source>Weighted total</source>
        <translation>Total berbobot</translation>
    </message>
    <message>
        <source>Interview timer</source>
        <translation>Pengatur waktu wawancara</translation>
    </message>
    <message>
        <source>&amp;General note</source>
        <translation>C&amp;atatan umum</translation>
    </message>
    <message>
        <source>General note</source>
        <translation>Catatan umum</translation>
    </message>
    <message>
        <source>What stood out in this interview</source>
        <translation>Hal yang menonjol dalam wawancara ini</translation>
    </message>
    <message>
        <source>Recommen&amp;dation</source>
        <translation>Rekomen&amp;dasi</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Rekomendasi</translation>
    </message>
    <message>
        <source>Your recommendation for this participant</source>
        <translation>Rekomendasi Anda untuk peserta ini</translation>
    </message>
    <message>
        <source>Save &amp;again</source>
        <translation>&amp;Simpan lagi</translation>
    </message>
    <message>
        <source>Try to save again</source>
        <translation>Coba simpan lagi</translation>
    </message>
    <message>
        <source>Try to save again (Ctrl+S)</source>
        <translation>Coba simpan lagi (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>Undo the last saved change (Ctrl+Z)</source>
        <translation>Urungkan perubahan terakhir yang tersimpan (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Ula&amp;ngi</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z or Ctrl+Y)</source>
        <translation>Ulangi (Ctrl+Shift+Z atau Ctrl+Y)</translation>
    </message>
    <message>
        <source>&amp;Lock scores</source>
        <translation>&amp;Kunci penilaian</translation>
    </message>
    <message>
        <source>Undo the last saved change</source>
        <translation>Batalkan perubahan terakhir yang tersimpan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Lock the scores</source>
        <translation>Kunci nilai</translation>
    </message>
    <message>
        <source>Unlock the scores</source>
        <translation>Buka kunci nilai</translation>
    </message>
    <message>
        <source>Declare or withdraw a conflict of interest</source>
        <translation>Nyatakan atau tarik konflik kepentingan</translation>
    </message>
    <message>
        <source>Save again now</source>
        <translation>Simpan lagi sekarang</translation>
    </message>
    <message>
        <source>Guide and keys</source>
        <translation>Panduan dan tombol</translation>
    </message>
    <message>
        <source>Note: %1 of %2 characters</source>
        <translation>Catatan: %1 dari %2 karakter</translation>
    </message>
    <message>
        <source>Next criterion</source>
        <translation>Kriteria berikutnya</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Close (everything is saved already)</source>
        <translation>Tutup (semuanya sudah tersimpan)</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Lock this scorecard as it is: the conflict of interest and your notes become final; there are no ratings to check (Ctrl+L)</source>
        <translation>Kunci penilaian ini apa adanya: konflik kepentingan dan catatan Anda menjadi final; tidak ada nilai yang perlu diperiksa (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lock the scores: check every criterion is rated, then make them final (Ctrl+L)</source>
        <translation>Kunci penilaian: periksa semua kriteria sudah dinilai, lalu jadikan final (Ctrl+L)</translation>
    </message>
    <message>
        <source>U&amp;nlock…</source>
        <translation>&amp;Buka kunci…</translation>
    </message>
    <message>
        <source>Unlock the scores to change them; a reason is required (Ctrl+Shift+L)</source>
        <translation>Buka kunci untuk mengubah nilai; alasan wajib diisi (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Close; everything is already saved (Esc)</source>
        <translation>Tutup; semuanya sudah tersimpan (Esc)</translation>
    </message>
    <message>
        <source>This file is open read-only: nothing can be changed.</source>
        <translation>Berkas ini dibuka hanya-baca: tidak ada yang dapat diubah.</translation>
    </message>
    <message>
        <source>FINAL: the scores were locked at %1. To change them, unlock them first.</source>
        <translation>FINAL: penilaian dikunci pukul %1. Untuk mengubahnya, buka kunci dulu.</translation>
    </message>
    <message>
        <source>FINAL: the scores were locked on %1. To change them, unlock them first.</source>
        <translation>FINAL: penilaian dikunci pada %1. Untuk mengubahnya, buka kunci dulu.</translation>
    </message>
    <message>
        <source>Conflict of interest declared (%1). Ratings are off and this scorecard is left out of every average.</source>
        <translation>Konflik kepentingan dinyatakan (%1). Nilai tidak dapat diisi dan penilaian ini tidak dihitung dalam rata-rata mana pun.</translation>
    </message>
    <message>
        <source>This scorecard is left out of every average (conflict of interest).</source>
        <translation>Penilaian ini tidak dihitung dalam rata-rata mana pun (konflik kepentingan).</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>&amp;Withdraw conflict…</source>
        <translation>&amp;Cabut konflik…</translation>
    </message>
    <message>
        <source>Withdraw the declared conflict of interest; a reason is required (Ctrl+Shift+K)</source>
        <translation>Cabut konflik kepentingan yang dinyatakan; alasan wajib diisi (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Conflict of &amp;interest…</source>
        <translation>K&amp;onflik kepentingan…</translation>
    </message>
    <message>
        <source>Declare a conflict of interest with this participant; a reason is required (Ctrl+Shift+K)</source>
        <translation>Nyatakan konflik kepentingan dengan peserta ini; alasan wajib diisi (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>of %1 (%2%)</source>
        <translation>dari %1 (%2%)</translation>
    </message>
    <message>
        <source>All %1 criteria rated</source>
        <translation>Semua %1 kriteria sudah dinilai</translation>
    </message>
    <message>
        <source>%1 of %2 criteria rated</source>
        <translation>%1 dari %2 kriteria sudah dinilai</translation>
    </message>
    <message>
        <source>Weighted total: %1 %2</source>
        <translation>Total berbobot: %1 %2</translation>
    </message>
    <message>
        <source>What you typed is still here; it is saved as soon as saving works again.</source>
        <translation>Yang Anda ketik masih ada di sini; akan disimpan begitu penyimpanan berhasil lagi.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Belum tersimpan</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Tersimpan %1</translation>
    </message>
    <message>
        <source>Nothing recorded yet; every change is saved at once</source>
        <translation>Belum ada yang dicatat; setiap perubahan langsung disimpan</translation>
    </message>
    <message>
        <source>Last saved %1</source>
        <translation>Terakhir disimpan %1</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Diulangi</translation>
    </message>
    <message>
        <source>Not rated yet</source>
        <translation>Belum dinilai</translation>
    </message>
    <message>
        <source>Lock your scorecard for %1 with its conflict of interest? It stays out of every average; the declaration and your notes cannot be changed unless you unlock them and give a reason.</source>
        <translation>Kunci penilaian Anda untuk %1 beserta konflik kepentingannya? Penilaian ini tetap tidak dihitung dalam rata-rata mana pun; pernyataan konflik dan catatan Anda tidak dapat diubah kecuali Anda membuka kuncinya dengan alasan.</translation>
    </message>
    <message>
        <source>Lock scores</source>
        <translation>Kunci penilaian</translation>
    </message>
    <message>
        <source>Lock the scores for %1? Once locked they cannot be changed unless you unlock them and give a reason.</source>
        <translation>Kunci penilaian untuk %1? Setelah dikunci, nilai tidak dapat diubah kecuali Anda membuka kuncinya dengan alasan.</translation>
    </message>
    <message>
        <source>Not counted (conflict of interest)</source>
        <translation>Tidak dihitung (konflik kepentingan)</translation>
    </message>
    <message>
        <source>No rating yet (maximum %1)</source>
        <translation>Belum ada nilai (maksimal %1)</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Why are you unlocking the scores for %1? The reason is kept in the audit log.</source>
        <translation>Mengapa Anda membuka kunci penilaian untuk %1? Alasannya dicatat dalam log audit.</translation>
    </message>
    <message>
        <source>Why do you have a conflict of interest with %1? Your scorecard will be left out of every average. The reason is kept in the audit log.</source>
        <translation>Mengapa Anda punya konflik kepentingan dengan %1? Penilaian Anda tidak akan dihitung dalam rata-rata mana pun. Alasannya dicatat dalam log audit.</translation>
    </message>
    <message>
        <source>Withdraw conflict of interest</source>
        <translation>Cabut konflik kepentingan</translation>
    </message>
    <message>
        <source>Why are you withdrawing the conflict of interest? The reason is kept in the audit log.</source>
        <translation>Mengapa Anda mencabut konflik kepentingan? Alasannya dicatat dalam log audit.</translation>
    </message>
    <message>
        <source>%1

Try again, or close and lose what was not saved?</source>
        <translation>%1

Coba lagi, atau tutup dan kehilangan yang belum tersimpan?</translation>
    </message>
</context>
</TS>
