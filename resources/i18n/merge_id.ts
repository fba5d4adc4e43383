<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge panel files</source>
        <translation>Gabungkan berkas panel</translation>
    </message>
    <message>
        <source>Add every judge&apos;s panel file (ending in .paritrana-panel), or a folder that holds them; you can also drag files and folders onto this window. Each file is checked first. Nothing is written until you press Merge.</source>
        <translation>Tambahkan berkas panel setiap panelis (berakhiran .paritrana-panel), atau folder yang berisi berkas itu; berkas dan folder juga dapat diseret ke jendela ini. Setiap berkas diperiksa lebih dulu. Tidak ada yang ditulis sebelum Anda menekan Gabungkan.</translation>
    </message>
    <message>
        <source>Add &amp;files...</source>
        <translation>Tambah &amp;berkas...</translation>
    </message>
    <message>
        <source>Choose one or more panel files</source>
        <translation>Pilih satu atau beberapa berkas panel</translation>
    </message>
    <message>
        <source>Add f&amp;older...</source>
        <translation>Tambah f&amp;older...</translation>
    </message>
    <message>
        <source>Choose a folder; every panel file in it and in its subfolders is added</source>
        <translation>Pilih folder; setiap berkas panel di dalamnya dan di subfoldernya ditambahkan</translation>
    </message>
    <message>
        <source>&amp;Remove from list</source>
        <translation>Ha&amp;pus dari daftar</translation>
    </message>
    <message>
        <source>Leave the selected files out (Delete key)</source>
        <translation>Keluarkan berkas yang dipilih (tombol Delete)</translation>
    </message>
    <message>
        <source>&amp;Use this file for its judge</source>
        <translation>&amp;Tetapkan berkas ini untuk panelisnya</translation>
    </message>
    <message>
        <source>The judge handed in two unrelated files: the selected one stands, the other is left out (the choice is written in the report and the workbook)</source>
        <translation>Panelis ini menyerahkan dua berkas yang tidak berkaitan: berkas yang dipilih berlaku, yang lain tidak dipakai (pilihan ini tercatat di laporan dan di workbook)</translation>
    </message>
    <message>
        <source>Panel files found</source>
        <translation>Berkas panel yang ditemukan</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Hapus dari daftar</translation>
    </message>
    <message>
        <source>Guide and keys</source>
        <translation>Panduan dan tombol</translation>
    </message>
    <message>
        <source>What the merge decides</source>
        <translation>Keputusan penggabungan</translation>
    </message>
    <message>
        <source>Decisions and report</source>
        <translation>Keputusan dan laporan</translation>
    </message>
    <message>
        <source>Every decision of the merge is listed here once files are added.</source>
        <translation>Setiap keputusan penggabungan tercantum di sini setelah berkas ditambahkan.</translation>
    </message>
    <message>
        <source>&amp;Include complete drafts in the official figures</source>
        <translation>&amp;Ikutkan draf yang lengkap dalam angka resmi</translation>
    </message>
    <message>
        <source>Normally only final (locked) scorecards count. Drafts are listed in the workbook either way.</source>
        <translation>Biasanya hanya lembar nilai final (terkunci) yang dihitung. Draf tetap dicantumkan di workbook.</translation>
    </message>
    <message>
        <source>Use the files copied by hand without their -wal &amp;anyway (they may lack the last changes)</source>
        <translation>Tetap pakai berkas yang disalin &amp;manual tanpa -wal (mungkin tanpa perubahan terakhir)</translation>
    </message>
    <message>
        <source>Better: ask the judge for a copy made with Export file for the chair. If you go on, the report and the workbook say so.</source>
        <translation>Lebih baik: minta panelis membuat salinan dengan Ekspor berkas untuk ketua. Bila Anda lanjut, laporan dan workbook mencatatnya.</translation>
    </message>
    <message>
        <source>&amp;Workbook:</source>
        <translation>&amp;Workbook:</translation>
    </message>
    <message>
        <source>Where the merged workbook is written</source>
        <translation>Tempat workbook gabungan ditulis</translation>
    </message>
    <message>
        <source>Add panel files first</source>
        <translation>Tambahkan berkas panel lebih dulu</translation>
    </message>
    <message>
        <source>C&amp;hoose...</source>
        <translation>Pili&amp;h...</translation>
    </message>
    <message>
        <source>Choose the workbook&apos;s folder and name</source>
        <translation>Pilih folder dan nama workbook</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Stop; nothing half-written is left behind</source>
        <translation>Hentikan; tidak ada berkas setengah jadi yang tertinggal</translation>
    </message>
    <message>
        <source>Open wor&amp;kbook</source>
        <translation>B&amp;uka workbook</translation>
    </message>
    <message>
        <source>Open fol&amp;der</source>
        <translation>Buka fol&amp;der</translation>
    </message>
    <message>
        <source>&amp;Go on without the refused files</source>
        <translation>&amp;Lanjut tanpa berkas yang ditolak</translation>
    </message>
    <message>
        <source>Write the workbook from the files that passed the checks; the refused files are listed in it as left out</source>
        <translation>Tulis workbook dari berkas yang lolos pemeriksaan; berkas yang ditolak dicantumkan di dalamnya sebagai tidak diikutkan</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Gabungkan</translation>
    </message>
    <message>
        <source>Write the merged workbook</source>
        <translation>Tulis workbook gabungan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Wait until the current work is done.</source>
        <translation>Tunggu sampai pekerjaan yang sedang berjalan selesai.</translation>
    </message>
    <message>
        <source>Already in the list: %1</source>
        <translation>Sudah ada di daftar: %1</translation>
    </message>
    <message>
        <source>Checking the files...</source>
        <translation>Memeriksa berkas...</translation>
    </message>
    <message>
        <source>The list is empty.</source>
        <translation>Daftar kosong.</translation>
    </message>
    <message>
        <source>Updating the figures...</source>
        <translation>Memperbarui angka...</translation>
    </message>
    <message>
        <source>%1 files: %2 used, %3 refused, %4 duplicates or superseded.</source>
        <translation>%1 berkas: %2 dipakai, %3 ditolak, %4 duplikat atau digantikan.</translation>
    </message>
    <message>
        <source>Event: %1 (%2).</source>
        <translation>Kegiatan: %1 (%2).</translation>
    </message>
    <message>
        <source>Refused files: %1 (marked in red; the reason is in the row). The workbook is not written with refused files: remove them or replace them with good copies, or press “Go on without the refused files” and they are listed in the workbook as left out.</source>
        <translation>Berkas ditolak: %1 (ditandai merah; alasannya ada di barisnya). Workbook tidak ditulis selama ada berkas yang ditolak: keluarkan berkas itu atau ganti dengan salinan yang baik, atau tekan “Lanjut tanpa berkas yang ditolak”, lalu berkas itu dicantumkan di workbook sebagai tidak diikutkan.</translation>
    </message>
    <message>
        <source>Nothing to decide: every scorecard is used as it is.</source>
        <translation>Tidak ada yang perlu diputuskan: setiap lembar nilai dipakai apa adanya.</translation>
    </message>
    <message>
        <source>Save the merged workbook</source>
        <translation>Simpan workbook gabungan</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Workbook Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Panel and event files (*.paritrana-panel *.paritrana-kegiatan);;Panel files (*.paritrana-panel);;All files (*)</source>
        <translation>Berkas panel dan kegiatan (*.paritrana-panel *.paritrana-kegiatan);;Berkas panel (*.paritrana-panel);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Choose where the workbook is written.</source>
        <translation>Pilih tempat workbook ditulis.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose another place for the workbook.</source>
        <translation>Folder %1 tidak ada. Pilih tempat lain untuk workbook.</translation>
    </message>
    <message>
        <source>Replace the workbook?</source>
        <translation>Timpa workbook?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it with the new merge?</source>
        <translation>%1 sudah ada. Timpa dengan hasil penggabungan yang baru?</translation>
    </message>
    <message>
        <source>Writing the workbook...</source>
        <translation>Menulis workbook...</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>The workbook is written: %1</source>
        <translation>Workbook sudah ditulis: %1</translation>
    </message>
    <message>
        <source>Refused files left out: %1; they are listed in the workbook.</source>
        <translation>Berkas ditolak yang tidak diikutkan: %1; semuanya dicantumkan di workbook.</translation>
    </message>
    <message>
        <source>The system could not open %1.</source>
        <translation>Sistem tidak dapat membuka %1.</translation>
    </message>
    <message>
        <source>The workbook was not written. %1</source>
        <translation>Workbook tidak ditulis. %1</translation>
    </message>
    <message>
        <source>Cancelled: no workbook was written.</source>
        <translation>Dibatalkan: tidak ada workbook yang ditulis.</translation>
    </message>
    <message>
        <source>Checking was cancelled; the list is as it was.</source>
        <translation>Pemeriksaan dibatalkan; daftar tetap seperti sebelumnya.</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>Menghentikan...</translation>
    </message>
    <message>
        <source>Add panel files</source>
        <translation>Tambah berkas panel</translation>
    </message>
    <message>
        <source>Add a folder of panel files</source>
        <translation>Tambah folder berisi berkas panel</translation>
    </message>
    <message>
        <source>Berita acara and score sheets</source>
        <translation>Berita acara dan lembar penilaian</translation>
    </message>
    <message>
        <source>Empty: the template that ships with the program</source>
        <translation>Kosong: templat bawaan program</translation>
    </message>
    <message>
        <source>&amp;Replace papers already in the folder</source>
        <translation>&amp;Timpa dokumen yang sudah ada di folder</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>T&amp;emplat:</translation>
    </message>
    <message>
        <source>The berita acara (Word) and one score sheet (PDF) per judge, from the files of this merge. All are written, or none.</source>
        <translation>Berita acara (Word) dan satu lembar penilaian (PDF) per panelis, dari berkas penggabungan ini. Semuanya ditulis, atau tidak satu pun.</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Pilih...</translation>
    </message>
    <message>
        <source>Folder for the papers</source>
        <translation>Folder untuk dokumen</translation>
    </message>
    <message>
        <source>Berita acara template</source>
        <translation>Templat berita acara</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <source>Make &amp;berita acara and score sheets...</source>
        <translation>Buat berita &amp;acara dan lembar penilaian...</translation>
    </message>
    <message>
        <source>The papers the panel signs, from the workbook just written</source>
        <translation>Dokumen yang ditandatangani panel, dari workbook yang baru ditulis</translation>
    </message>
    <message>
        <source>Writing the papers...</source>
        <translation>Menulis dokumen...</translation>
    </message>
    <message>
        <source>{count} papers written to {folder}: the berita acara and {sheets} score sheets.</source>
        <translation>{count} dokumen ditulis ke {folder}: berita acara dan {sheets} lembar penilaian.</translation>
    </message>
    <message>
        <source>Chair&apos;s regi&amp;ster...</source>
        <translation>Regi&amp;ster ketua...</translation>
    </message>
    <message>
        <source>The judges&apos; keys and the codes from the signed papers, which the merge checks the files against</source>
        <translation>Kunci para panelis dan kode dari dokumen bertanda tangan, yang dipakai penggabungan untuk memeriksa berkas</translation>
    </message>
</context>
<context>
    <name>MergeFilesModel</name>
    <message>
        <source>used</source>
        <translation>dipakai</translation>
    </message>
    <message>
        <source>superseded by a newer file</source>
        <translation>digantikan berkas yang lebih baru</translation>
    </message>
    <message>
        <source>duplicate, counted once</source>
        <translation>duplikat, dihitung sekali</translation>
    </message>
    <message>
        <source>version conflict</source>
        <translation>konflik versi</translation>
    </message>
    <message>
        <source>REFUSED</source>
        <translation>DITOLAK</translation>
    </message>
    <message>
        <source>event reference</source>
        <translation>acuan kegiatan</translation>
    </message>
    <message>
        <source>not chosen: another file of this judge</source>
        <translation>tidak dipilih: berkas lain panelis ini dipakai</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Panelis</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Recusals</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Problems and decisions</source>
        <translation>Masalah dan keputusan</translation>
    </message>
    <message>
        <source>The panel file&apos;s name; hover over a row for its full path</source>
        <translation>Nama berkas panel; arahkan penunjuk ke baris untuk melihat jalur lengkapnya</translation>
    </message>
    <message>
        <source>The judge the file belongs to</source>
        <translation>Panelis pemilik berkas</translation>
    </message>
    <message>
        <source>Final (locked) scorecards in the file</source>
        <translation>Lembar nilai final (terkunci) di berkas</translation>
    </message>
    <message>
        <source>Draft scorecards in the file</source>
        <translation>Lembar nilai draf di berkas</translation>
    </message>
    <message>
        <source>Interviews where the judge declared a conflict of interest</source>
        <translation>Wawancara yang panelisnya menyatakan konflik kepentingan</translation>
    </message>
    <message>
        <source>What the merge does with the file</source>
        <translation>Apa yang dilakukan penggabungan dengan berkas ini</translation>
    </message>
    <message>
        <source>Why a file is refused, and every decision about it</source>
        <translation>Mengapa berkas ditolak, dan setiap keputusan tentangnya</translation>
    </message>
</context>
<context>
    <name>MergeRegister</name>
    <message>
        <source>Chair&apos;s register</source>
        <translation>Register ketua</translation>
    </message>
    <message>
        <source>The register holds each judge&apos;s key, checked against the fingerprint printed on the judge&apos;s signed score sheet, and the codes read off the signed papers. The merge refuses files that do not match it.</source>
        <translation>Register menyimpan kunci setiap panelis, yang dicocokkan dengan sidik jari yang tercetak di lembar penilaian bertanda tangan panelis, serta kode yang dibaca dari dokumen bertanda tangan. Penggabungan menolak berkas yang tidak sesuai dengannya.</translation>
    </message>
    <message>
        <source>&amp;Open register...</source>
        <translation>B&amp;uka register...</translation>
    </message>
    <message>
        <source>&amp;New register...</source>
        <translation>Register &amp;baru...</translation>
    </message>
    <message>
        <source>Register &amp;file:</source>
        <translation>B&amp;erkas register:</translation>
    </message>
    <message>
        <source>&amp;Judges&apos; keys:</source>
        <translation>Kunci &amp;panelis:</translation>
    </message>
    <message>
        <source>What the register &amp;holds:</source>
        <translation>&amp;Isi register:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Fingerprint on the signed &amp;lembar:</source>
        <translation>Sidik jari di &amp;lembar bertanda tangan:</translation>
    </message>
    <message>
        <source>Register &amp;key</source>
        <translation>Daftarkan &amp;kunci</translation>
    </message>
    <message>
        <source>&amp;Accept key change</source>
        <translation>&amp;Terima pergantian kunci</translation>
    </message>
    <message>
        <source>&amp;Enter code</source>
        <translation>&amp;Catat kode</translation>
    </message>
    <message>
        <source>&amp;Confirm code</source>
        <translation>K&amp;onfirmasi kode</translation>
    </message>
    <message>
        <source>Co&amp;de from a signed paper:</source>
        <translation>Kode &amp;dari dokumen bertanda tangan:</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>Na&amp;ma Anda:</translation>
    </message>
    <message>
        <source>No register: the files&apos; keys are not checked against paper</source>
        <translation>Tanpa register: kunci berkas tidak dicocokkan dengan kertas</translation>
    </message>
    <message>
        <source>Judge {judge} changed key from {old} to {new} at {at}. The judge&apos;s reason: “{reason}”. Accept it only if the judge confirms it.</source>
        <translation>Panelis {judge} mengganti kunci dari {old} ke {new} pada {at}. Alasan panelis: “{reason}”. Terima hanya jika panelis membenarkannya.</translation>
    </message>
    <message>
        <source>Open the chair&apos;s register</source>
        <translation>Buka register ketua</translation>
    </message>
    <message>
        <source>Chair&apos;s register (*%1)</source>
        <translation>Register ketua (*%1)</translation>
    </message>
    <message>
        <source>New chair&apos;s register</source>
        <translation>Register ketua baru</translation>
    </message>
    <message>
        <source>Using the register %1.</source>
        <translation>Memakai register %1.</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Panelis</translation>
    </message>
    <message>
        <source>Registered key</source>
        <translation>Kunci terdaftar</translation>
    </message>
    <message>
        <source>Key of the file</source>
        <translation>Kunci berkas</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Matches the register</source>
        <translation>Sama dengan register</translation>
    </message>
    <message>
        <source>Not registered: compare with the lembar</source>
        <translation>Belum terdaftar: bandingkan dengan lembar</translation>
    </message>
    <message>
        <source>Key change awaiting you</source>
        <translation>Pergantian kunci menunggu Anda</translation>
    </message>
    <message>
        <source>Not the registered key: refused</source>
        <translation>Bukan kunci terdaftar: ditolak</translation>
    </message>
    <message>
        <source>Unsigned</source>
        <translation>Tidak bertanda tangan</translation>
    </message>
    <message>
        <source>No file in the list</source>
        <translation>Tidak ada berkas di daftar</translation>
    </message>
</context>
</TS>
