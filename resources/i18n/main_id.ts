<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutFile</name>
    <message>
        <source>About my file</source>
        <translation>Tentang berkas saya</translation>
    </message>
    <message>
        <source>none: a file of the earlier, unsigned format</source>
        <translation>tidak ada: berkas format lama, tanpa tanda tangan</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Sidik jari kunci</translation>
    </message>
    <message>
        <source>Yes: this laptop signs every change to the file.</source>
        <translation>Ya: laptop ini menandatangani setiap perubahan pada berkas.</translation>
    </message>
    <message>
        <source>No: the key is not on this laptop, so the file cannot be changed here.</source>
        <translation>Tidak: kuncinya tidak ada di laptop ini, jadi berkas tidak dapat diubah di sini.</translation>
    </message>
    <message>
        <source>No key: the file is unsigned.</source>
        <translation>Tanpa kunci: berkas tidak bertanda tangan.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Berkas:</translation>
    </message>
    <message>
        <source>Judge:</source>
        <translation>Panelis:</translation>
    </message>
    <message>
        <source>Panel ID:</source>
        <translation>ID panel:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Sidik jari kunci:</translation>
    </message>
    <message>
        <source>Key on this laptop:</source>
        <translation>Kunci di laptop ini:</translation>
    </message>
    <message>
        <source>Verification code:</source>
        <translation>Kode verifikasi:</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud to the chair, or compare it with the one printed on your signed score sheet. The signature is an uncertified electronic signature (tanda tangan elektronik tidak tersertifikasi); the signed papers remain the official record.</source>
        <translation>Bacakan sidik jari ini kepada ketua, atau bandingkan dengan yang tercetak di lembar penilaian yang Anda tanda tangani. Tanda tangan ini adalah tanda tangan elektronik tidak tersertifikasi; dokumen bertanda tangan basah tetap menjadi catatan resmi.</translation>
    </message>
    <message>
        <source>&amp;Copy fingerprint</source>
        <translation>&amp;Salin sidik jari</translation>
    </message>
    <message>
        <source>The fingerprint was copied.</source>
        <translation>Sidik jari sudah disalin.</translation>
    </message>
    <message>
        <source>Open your panel file first (File &gt; Open).</source>
        <translation>Buka berkas panel Anda lebih dahulu (Berkas &gt; Buka).</translation>
    </message>
</context>
<context>
    <name>CardState</name>
    <message>
        <source>Not scored</source>
        <translation>Belum dinilai</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Paritrana Desktop: unexpected error</source>
        <translation>Paritrana Desktop: kesalahan tak terduga</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Something went wrong inside the program.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Your scores are safe: every change was saved the moment you made it.&lt;/p&gt;&lt;p&gt;You can keep working, or close the program and start it again. Please tell the secretariat and send them the details below.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Terjadi kesalahan di dalam program.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Nilai Anda aman: setiap perubahan sudah tersimpan saat Anda membuatnya.&lt;/p&gt;&lt;p&gt;Anda dapat lanjut bekerja, atau menutup program lalu membukanya lagi. Mohon beri tahu sekretariat dan kirimkan rincian di bawah ini.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The details are also in the log file:&lt;br&gt;{path}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Rinciannya juga ada di berkas log:&lt;br&gt;{path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Rincian kesalahan</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Salin rincian</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Lanjut bekerja</translation>
    </message>
    <message>
        <source>Close the &amp;program</source>
        <translation>&amp;Tutup program</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>The file is already open</source>
        <translation>Berkas sedang terbuka</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Disk penuh</translation>
    </message>
    <message>
        <source>Not a file this program can open</source>
        <translation>Bukan berkas yang dapat dibuka program ini</translation>
    </message>
    <message>
        <source>Made by a newer version</source>
        <translation>Dibuat oleh versi yang lebih baru</translation>
    </message>
    <message>
        <source>The file is damaged</source>
        <translation>Berkas rusak</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Tidak dapat dilanjutkan</translation>
    </message>
    <message>
        <source>Paritrana Desktop may already be running in another window: switch to it, or close it and open the file again.</source>
        <translation>Paritrana Desktop mungkin sudah berjalan di jendela lain: pindah ke jendela itu, atau tutup lalu buka berkasnya lagi.</translation>
    </message>
    <message>
        <source>Everything saved before is safe. Delete or move some files to free space, then try again.</source>
        <translation>Semua yang sudah tersimpan tetap aman. Hapus atau pindahkan beberapa berkas untuk mengosongkan ruang, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Open an event file (.paritrana-kegiatan) from the secretariat or your own panel file (.paritrana-panel).</source>
        <translation>Buka berkas kegiatan (.paritrana-kegiatan) dari sekretariat atau berkas panel Anda sendiri (.paritrana-panel).</translation>
    </message>
    <message>
        <source>Install the newest Paritrana Desktop, then open the file again.</source>
        <translation>Pasang Paritrana Desktop versi terbaru, lalu buka berkasnya lagi.</translation>
    </message>
</context>
<context>
    <name>EventHeader</name>
    <message>
        <source>&lt;b&gt;DEMO&lt;/b&gt;: an example event for trying the program. Participants, judges and weights are examples, not an official assessment.</source>
        <translation>&lt;b&gt;DEMO&lt;/b&gt;: kegiatan contoh untuk mencoba program. Peserta, panelis dan bobot hanya contoh, bukan penilaian resmi.</translation>
    </message>
    <message>
        <source>chair</source>
        <translation>ketua</translation>
    </message>
    <message>
        <source>member</source>
        <translation>anggota</translation>
    </message>
    <message>
        <source>Judge: &lt;b&gt;{name}&lt;/b&gt;, {institution} ({role})</source>
        <translation>Panelis: &lt;b&gt;{name}&lt;/b&gt;, {institution} ({role})</translation>
    </message>
    <message>
        <source>Open read-only: {path}</source>
        <translation>Dibuka hanya-baca: {path}</translation>
    </message>
    <message>
        <source>Your panel file: {path}</source>
        <translation>Berkas panel Anda: {path}</translation>
    </message>
    <message>
        <source>Choose your name from the panel to start.</source>
        <translation>Pilih nama Anda dari daftar panelis untuk mulai.</translation>
    </message>
    <message>
        <source>No file open</source>
        <translation>Belum ada berkas yang dibuka</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Hari:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>Status saya</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Participant, room, category...</source>
        <translation>Peserta, ruang, kategori...</translation>
    </message>
    <message>
        <source>Search the schedule</source>
        <translation>Cari di jadwal</translation>
    </message>
    <message>
        <source>Sea&amp;rch:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Semua hari</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <source>{final} of {total} final</source>
        <translation>{final} dari {total} final</translation>
    </message>
    <message>
        <source>, {count} conflict of interest</source>
        <translation>, {count} konflik kepentingan</translation>
    </message>
    <message>
        <source>{day}: {progress}</source>
        <translation>{day}: {progress}</translation>
    </message>
    <message>
        <source>All days: {progress}</source>
        <translation>Semua hari: {progress}</translation>
    </message>
    <message>
        <source>{shown} of {total} interviews shown</source>
        <translation>{shown} dari {total} wawancara ditampilkan</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F show all</source>
        <translation>Ctrl+Shift+F tampilkan semua</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Help — Paritrana Desktop</source>
        <translation>Bantuan — Paritrana Desktop</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>The guide %1 is not in this copy of the program, so it cannot be shown here. The keys of this window are on the Keys tab.</source>
        <translation>Panduan %1 tidak ada di salinan program ini, jadi tidak dapat ditampilkan di sini. Tombol-tombol jendela ini ada di tab Tombol.</translation>
    </message>
    <message>
        <source>Keys of this window</source>
        <translation>Tombol jendela ini</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Panduan</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Tombol</translation>
    </message>
</context>
<context>
    <name>JudgeChooser</name>
    <message>
        <source>Who are you?</source>
        <translation>Siapa Anda?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{event}&lt;/b&gt;&lt;br&gt;Choose your own name from the panel. The program makes your own panel file for this event and asks only once.</source>
        <translation>&lt;b&gt;{event}&lt;/b&gt;&lt;br&gt;Pilih nama Anda sendiri dari daftar panelis. Program membuat berkas panel Anda untuk kegiatan ini dan hanya bertanya sekali.</translation>
    </message>
    <message>
        <source>Panel roster</source>
        <translation>Daftar panelis</translation>
    </message>
    <message>
        <source>&amp;This is me</source>
        <translation>&amp;Ini saya</translation>
    </message>
</context>
<context>
    <name>JudgeModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Anggota</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Schedule of interviews</source>
        <translation>Jadwal wawancara</translation>
    </message>
    <message>
        <source>No panel file is open. Open the event file from the secretariat, your own panel file, or try the demo event.</source>
        <translation>Belum ada berkas panel yang dibuka. Buka berkas kegiatan dari sekretariat, berkas panel Anda sendiri, atau coba kegiatan demo.</translation>
    </message>
    <message>
        <source>&amp;Open a file...</source>
        <translation>B&amp;uka berkas...</translation>
    </message>
    <message>
        <source>Try the &amp;demo event</source>
        <translation>Coba kegiatan &amp;demo</translation>
    </message>
    <message>
        <source>&amp;Open file...</source>
        <translation>&amp;Buka berkas...</translation>
    </message>
    <message>
        <source>Open an event file from the secretariat or your own panel file</source>
        <translation>Buka berkas kegiatan dari sekretariat atau berkas panel Anda sendiri</translation>
    </message>
    <message>
        <source>Open the &amp;demo event</source>
        <translation>Buka kegiatan &amp;demo</translation>
    </message>
    <message>
        <source>S&amp;witch judge...</source>
        <translation>&amp;Ganti panelis...</translation>
    </message>
    <message>
        <source>&amp;Export file for the chair...</source>
        <translation>&amp;Ekspor berkas untuk ketua...</translation>
    </message>
    <message>
        <source>Write a checked copy of your panel file, for example to a USB stick</source>
        <translation>Tulis salinan berkas panel Anda yang sudah diperiksa, misalnya ke flashdisk</translation>
    </message>
    <message>
        <source>Open my own &amp;panel file</source>
        <translation>Buka berkas panel &amp;saya sendiri</translation>
    </message>
    <message>
        <source>Open your panel file in the data folder instead of this read-only copy</source>
        <translation>Buka berkas panel Anda di folder data, bukan salinan hanya-baca ini</translation>
    </message>
    <message>
        <source>&amp;Continue scoring from this copy...</source>
        <translation>&amp;Lanjutkan menilai dengan salinan ini...</translation>
    </message>
    <message>
        <source>After moving to this laptop: make this copy your panel file here</source>
        <translation>Setelah pindah ke laptop ini: jadikan salinan ini berkas panel Anda di sini</translation>
    </message>
    <message>
        <source>&amp;Merge panel files...</source>
        <translation>Gabungkan berkas &amp;panel...</translation>
    </message>
    <message>
        <source>Show the data &amp;folder</source>
        <translation>Tampilkan &amp;folder data</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Score the selected interview...</source>
        <translation>&amp;Nilai wawancara terpilih...</translation>
    </message>
    <message>
        <source>Enter or a double-click in the schedule does the same</source>
        <translation>Enter atau klik ganda di jadwal melakukan hal yang sama</translation>
    </message>
    <message>
        <source>Go to the &amp;current interview</source>
        <translation>Ke wawancara &amp;saat ini</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>&amp;Cari...</translation>
    </message>
    <message>
        <source>Show &amp;all interviews</source>
        <translation>Tampilkan s&amp;emua wawancara</translation>
    </message>
    <message>
        <source>Go to the &amp;schedule</source>
        <translation>Ke &amp;jadwal</translation>
    </message>
    <message>
        <source>&amp;Guide and keys for this window</source>
        <translation>&amp;Panduan dan tombol jendela ini</translation>
    </message>
    <message>
        <source>The judge&apos;s guide and the keys of this window, offline</source>
        <translation>Panduan panelis dan tombol-tombol jendela ini, tanpa internet</translation>
    </message>
    <message>
        <source>&amp;About Paritrana Desktop</source>
        <translation>&amp;Tentang Paritrana Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Buka berkas &amp;terakhir</translation>
    </message>
    <message>
        <source>&amp;Interview</source>
        <translation>&amp;Wawancara</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>T&amp;ampilan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>About my &amp;file</source>
        <translation>Tentang &amp;berkas saya</translation>
    </message>
    <message>
        <source>Your file&apos;s key fingerprint, to read aloud to the chair</source>
        <translation>Sidik jari kunci berkas Anda, untuk dibacakan kepada ketua</translation>
    </message>
    <message>
        <source>Paritrana files (*{event} *{panel})</source>
        <translation>Berkas Paritrana (*{event} *{panel})</translation>
    </message>
    <message>
        <source>Event files (*{event})</source>
        <translation>Berkas kegiatan (*{event})</translation>
    </message>
    <message>
        <source>Panel files (*{panel})</source>
        <translation>Berkas panel (*{panel})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Open an event file or a panel file</source>
        <translation>Buka berkas kegiatan atau berkas panel</translation>
    </message>
    <message>
        <source>{name} was not opened.</source>
        <translation>{name} tidak dibuka.</translation>
    </message>
    <message>
        <source>A new version of the event</source>
        <translation>Versi baru kegiatan</translation>
    </message>
    <message>
        <source>This event file differs from the one you scored before (the secretariat changed the rubric or the schedule), so you have a new panel file for it:
{new}

Your earlier scores are kept, unchanged, in:
{old}

Ask the secretariat which version counts.</source>
        <translation>Berkas kegiatan ini berbeda dari yang Anda nilai sebelumnya (sekretariat mengubah rubrik atau jadwal), jadi Anda mendapat berkas panel baru untuknya:
{new}

Nilai Anda sebelumnya tetap tersimpan, tidak berubah, di:
{old}

Tanyakan kepada sekretariat versi mana yang berlaku.</translation>
    </message>
    <message>
        <source>The file was not opened.</source>
        <translation>Berkas tidak dibuka.</translation>
    </message>
    <message>
        <source>You have no panel file for this event in your data folder.</source>
        <translation>Anda belum mempunyai berkas panel untuk kegiatan ini di folder data Anda.</translation>
    </message>
    <message>
        <source>You already have a panel file</source>
        <translation>Anda sudah mempunyai berkas panel</translation>
    </message>
    <message>
        <source>You already have a panel file for this event on this laptop:
{own}

Go on scoring in that one (File &gt; Open my own panel file). The copy was not taken over.</source>
        <translation>Anda sudah mempunyai berkas panel untuk kegiatan ini di laptop ini:
{own}

Lanjutkan menilai di berkas itu (Berkas &gt; Buka berkas panel saya sendiri). Salinan tidak diambil alih.</translation>
    </message>
    <message>
        <source>Continue scoring from this copy?</source>
        <translation>Lanjutkan menilai dengan salinan ini?</translation>
    </message>
    <message>
        <source>The copy was not taken over.</source>
        <translation>Salinan tidak diambil alih.</translation>
    </message>
    <message>
        <source>Your panel file on this laptop</source>
        <translation>Berkas panel Anda di laptop ini</translation>
    </message>
    <message>
        <source>Your scores were copied from
{copy}
into your panel file on this laptop:
{path}

Go on scoring here; the copy was left unchanged.</source>
        <translation>Nilai Anda disalin dari
{copy}
ke berkas panel Anda di laptop ini:
{path}

Lanjutkan menilai di sini; salinan itu tidak diubah.</translation>
    </message>
    <message>
        <source>1 scorecard still a draft (not locked)</source>
        <translation>1 penilaian masih draf (belum dikunci)</translation>
    </message>
    <message>
        <source>{n} scorecards still drafts (not locked)</source>
        <translation>{n} penilaian masih draf (belum dikunci)</translation>
    </message>
    <message>
        <source>1 conflict of interest declared but not locked</source>
        <translation>1 konflik kepentingan dinyatakan tetapi belum dikunci</translation>
    </message>
    <message>
        <source>{n} conflicts of interest declared but not locked</source>
        <translation>{n} konflik kepentingan dinyatakan tetapi belum dikunci</translation>
    </message>
    <message>
        <source>{title} (read-only)</source>
        <translation>{title} (hanya-baca)</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>(belum ada berkas terakhir)</translation>
    </message>
    <message>
        <source>Filters cleared to show the interview of this moment.</source>
        <translation>Filter dikosongkan agar wawancara saat ini terlihat.</translation>
    </message>
    <message>
        <source>No interview is scheduled for this moment.</source>
        <translation>Tidak ada wawancara terjadwal saat ini.</translation>
    </message>
    <message>
        <source>No interview matches the filters.</source>
        <translation>Tidak ada wawancara yang cocok dengan filter.</translation>
    </message>
    <message>
        <source>Do this only if you have moved to this laptop and will score nowhere else.

The copy
{copy}
is copied into your data folder and checked; from then on you score in the new file there. The copy itself is left unchanged. A new signing key is made on this laptop and the chair sees the change.

Why do you continue on this laptop? (For example: the old laptop broke.)</source>
        <translation>Lakukan ini hanya jika Anda sudah pindah ke laptop ini dan tidak akan menilai di tempat lain.

Salinan
{copy}
disalin ke folder data Anda dan diperiksa; sejak itu Anda menilai di berkas baru tersebut. Salinannya sendiri tidak diubah. Kunci tanda tangan baru dibuat di laptop ini dan ketua akan melihat pergantiannya.

Mengapa Anda melanjutkan di laptop ini? (Misalnya: laptop lama rusak.)</translation>
    </message>
    <message>
        <source>A new signing key was made on this laptop. Its fingerprint:

{fingerprint}

Tell the chair: the chair must accept this key change before your file can be merged (Help &gt; About my file shows the fingerprint again).</source>
        <translation>Kunci tanda tangan baru dibuat di laptop ini. Sidik jarinya:

{fingerprint}

Beri tahu ketua: ketua harus menerima pergantian kunci ini sebelum berkas Anda dapat digabungkan (Bantuan &gt; Tentang berkas saya menampilkan sidik jari ini lagi).</translation>
    </message>
    <message>
        <source>Choose where to put the copy for the chair (for example the USB stick)</source>
        <translation>Pilih tempat salinan untuk ketua (misalnya flashdisk)</translation>
    </message>
    <message>
        <source>The copy for the chair was not made.</source>
        <translation>Salinan untuk ketua tidak dibuat.</translation>
    </message>
    <message>
        <source>Writing the copy for the chair to {folder}...</source>
        <translation>Menulis salinan untuk ketua ke {folder}...</translation>
    </message>
    <message>
        <source>Your panel file has {what}. The chair&apos;s merge leaves drafts out of the results (unless the chair chooses to count them), and an interview with a conflict of interest is never counted for you. Lock what is done first (Ctrl+L in the scoring window).

Write the copy for the chair now anyway?</source>
        <translation>Berkas panel Anda berisi {what}. Penggabungan oleh ketua tidak memasukkan draf ke dalam hasil (kecuali ketua memilih untuk menghitungnya), dan wawancara dengan konflik kepentingan tidak pernah dihitung untuk Anda. Kunci dulu yang sudah selesai (Ctrl+L di jendela penilaian).

Tulis salinan untuk ketua sekarang juga?</translation>
    </message>
    <message>
        <source> and </source>
        <translation> dan </translation>
    </message>
    <message>
        <source>Drafts in the copy for the chair</source>
        <translation>Draf dalam salinan untuk ketua</translation>
    </message>
    <message>
        <source>Copy for the chair written and checked: {path}</source>
        <translation>Salinan untuk ketua sudah ditulis dan diperiksa: {path}</translation>
    </message>
    <message>
        <source>Copy for the chair is ready</source>
        <translation>Salinan untuk ketua siap</translation>
    </message>
    <message>
        <source>Your scores were copied and the copy was checked:

{path}

Give this file to the chair. Your own panel file stays on this laptop; go on scoring in it as usual and export again after later changes.</source>
        <translation>Nilai Anda sudah disalin dan salinannya sudah diperiksa:

{path}

Serahkan berkas ini kepada ketua. Berkas panel Anda sendiri tetap di laptop ini; lanjutkan menilai seperti biasa dan ekspor lagi setelah ada perubahan.</translation>
    </message>
    <message>
        <source>Move through the schedule</source>
        <translation>Bergerak di jadwal</translation>
    </message>
    <message>
        <source>Arrow keys, Page Up/Down</source>
        <translation>Tombol panah, Page Up/Down</translation>
    </message>
    <message>
        <source>Score the selected interview</source>
        <translation>Nilai wawancara terpilih</translation>
    </message>
    <message>
        <source>Enter or double-click</source>
        <translation>Enter atau klik ganda</translation>
    </message>
    <message>
        <source>About Paritrana Desktop</source>
        <translation>Tentang Paritrana Desktop</translation>
    </message>
    <message>
        <source>&lt;b&gt;Paritrana Desktop {version}&lt;/b&gt;&lt;br&gt;Offline scoring of the Paritrana Award interviews. Your data folder:&lt;br&gt;{folder}</source>
        <translation>&lt;b&gt;Paritrana Desktop {version}&lt;/b&gt;&lt;br&gt;Penilaian wawancara Paritrana Award tanpa internet. Folder data Anda:&lt;br&gt;{folder}</translation>
    </message>
    <message>
        <source>Print score sheet</source>
        <translation>Cetak lembar penilaian</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Semua hari</translation>
    </message>
    <message>
        <source>Print the score sheets of:</source>
        <translation>Cetak lembar penilaian untuk:</translation>
    </message>
    <message>
        <source>The PDF opens in your PDF viewer; print it from there, then sign every page.</source>
        <translation>PDF dibuka di penampil PDF Anda; cetak dari sana, lalu tanda tangani setiap halaman.</translation>
    </message>
    <message>
        <source>Print &amp;score sheet...</source>
        <translation>Cetak lembar pe&amp;nilaian...</translation>
    </message>
    <message>
        <source>Your score sheets as a PDF to print and sign</source>
        <translation>Lembar penilaian Anda sebagai PDF untuk dicetak dan ditandatangani</translation>
    </message>
    <message>
        <source>all days</source>
        <translation>semua hari</translation>
    </message>
    <message>
        <source>Save the score sheet</source>
        <translation>Simpan lembar penilaian</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The score sheet was not saved.</source>
        <translation>Lembar penilaian tidak disimpan.</translation>
    </message>
    <message>
        <source>Saved {path} ({pages} pages). Print it from your PDF viewer.</source>
        <translation>Tersimpan {path} ({pages} halaman). Cetak dari penampil PDF Anda.</translation>
    </message>
    <message>
        <source>Saved {path} ({pages} pages); open it with a PDF viewer to print it.</source>
        <translation>Tersimpan {path} ({pages} halaman); buka dengan penampil PDF untuk mencetaknya.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBar</name>
    <message>
        <source>Open &amp;my own panel file</source>
        <translation>Buka berkas &amp;panel saya sendiri</translation>
    </message>
    <message>
        <source>&amp;Continue scoring from this copy...</source>
        <translation>&amp;Lanjutkan menilai dengan salinan ini...</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only:&lt;/b&gt; this file is outside your data folder (for example a copy for the chair), so it is opened read-only and nothing can be changed in it.</source>
        <translation>&lt;b&gt;Hanya-baca:&lt;/b&gt; berkas ini berada di luar folder data Anda (misalnya salinan untuk ketua), jadi dibuka hanya-baca dan tidak ada yang dapat diubah di dalamnya.</translation>
    </message>
    <message>
        <source>Your own panel file for this event is {own}; score in that one.</source>
        <translation>Berkas panel Anda sendiri untuk kegiatan ini adalah {own}; menilailah di berkas itu.</translation>
    </message>
    <message>
        <source>There is no panel file of yours for this event on this laptop. If you have moved to this laptop, you can continue scoring from this copy.</source>
        <translation>Belum ada berkas panel Anda untuk kegiatan ini di laptop ini. Jika Anda sudah pindah ke laptop ini, Anda dapat melanjutkan menilai dengan salinan ini.</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Ruang</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>My status</source>
        <translation>Status saya</translation>
    </message>
    <message>
        <source>My total</source>
        <translation>Nilai saya</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>{total} / {maximum}</source>
        <translation>{total} / {maximum}</translation>
    </message>
    <message>
        <source>Representatives: {names}</source>
        <translation>Perwakilan: {names}</translation>
    </message>
    <message>
        <source>Not every criterion is rated yet: this total is provisional.</source>
        <translation>Belum semua kriteria dinilai: nilai ini masih sementara.</translation>
    </message>
</context>
</TS>
