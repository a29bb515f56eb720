import type { BenchmarkTranslation } from "./benchmark-translation.ts";

/**
 * The benchmarks' reader-facing text in Traditional Chinese, keyed by id: titles and case axes by
 * benchmark, variant labels by variant id, `because` sentences by claim id, and the few case labels
 * that hold words. A test checks that every id of the registry has its text here and that no key is
 * stale (src/lab/i18n/benchmark-text.test.ts).
 */
export const benchmarkTextZhTW: BenchmarkTranslation = {
  benchmarks: {
    "conv2d-im2col": { title: "卷積：直接迴圈 vs im2col + GEMM", caseAxis: "輸入 (N,C,H,W)→濾波器數" },
    "conv2d-layers": {
      title: "卷積的各種做法：迴圈、向量化、im2col、SIMD、多執行緒、tfjs-wasm",
      caseAxis: "輸入 (N,C,H,W)→濾波器數",
    },
    "conv2d-separable": { title: "1 與 3 通道上的可分離 9×9 濾波器：直接 vs 可分離 vs im2col", caseAxis: "輸入 (N,C,H,W)→濾波器數" },
    gemm: { title: "矩陣乘法：從樸素迴圈到打包、多執行緒的 SIMD 核心程式", caseAxis: "矩陣邊長 (M = N = K)" },
    "gemm-threads": { title: "矩陣乘法：1 … 全部執行緒", caseAxis: "矩陣邊長 (M = N = K)" },
    "gil-workers": {
      title: "受運算限制的迴圈：單執行緒、輪流執行的任務、平行的工作執行緒",
      caseAxis: "數字 n（1 … n − 1 的 Collatz 步數）",
    },
    "machine-peak": { title: "運算峰值：暫存器中的 f32x4 乘加", caseAxis: "探測" },
    "memory-bandwidth": { title: "記憶體頻寬：STREAM triad", caseAxis: "陣列（3 × 大小）" },
    "blur-algorithms": { title: "模糊一張 512×512 的照片：直接高斯 vs 可分離高斯 vs 積分影像方框濾波", caseAxis: "視窗邊長 k" },
    "roi-blur": {
      title: "只要在 512×512 照片的一個區域做 25×25 高斯模糊：整張畫面再裁切 vs 只算區域與其邊框",
      caseAxis: "區域占畫面面積的比例",
    },
    "conv-vectorization": {
      title: "512×512 卷積：巢狀陣列 vs 型別陣列迴圈 vs 平移平面 vs WebAssembly SIMD",
      caseAxis: "濾波器大小",
    },
    "broadcast-temporaries": { title: "兩兩距離：廣播產生的暫存陣列 vs 融合迴圈", caseAxis: "點數 N × M，維度 D" },
    "median-filter": { title: "3×3 中值濾波：JavaScript vs WebAssembly vs WebAssembly SIMD", caseAxis: "影像（高 × 寬，8 位元）" },
    "fusion-chain": {
      title: "normalize → gamma → clamp → uint8：未融合的多趟處理 vs 一個融合迴圈",
      caseAxis: "影像（高 × 寬，float32 輸入，uint8 輸出）",
    },
    "gemm-int8": { title: "int8 量化矩陣乘法對比 float32", caseAxis: "矩陣邊長 (M = N = K)" },
    "gemm-dispatch": { title: "同一個乘積、三種後端與一個分派器，從 4³ 到 256³", caseAxis: "矩陣邊長 (M = N = K)" },
    "cnn-inference": { title: "推論：每次呼叫一張影像、批次、以及工作執行緒", caseAxis: "網路" },
    "cnn-training": { title: "訓練手寫數字 CNN：單執行緒、平行載入、資料平行", caseAxis: "每個訓練步驟的影像數" },
    "pool-map-images": { title: "對大量影像做 Pool.map：工作執行緒與每個任務的大小", caseAxis: "影像批次" },
    "passing-data": {
      title: "把陣列傳給另一個工作執行緒再傳回：structured clone、transfer、SharedArrayBuffer",
      caseAxis: "資料大小（float32 陣列）",
    },
    "shared-histogram": {
      title: "多個執行緒計數到同一個直方圖：一般迴圈、共享格子上的 Atomics.add、私有格子再合併",
      caseAxis: "影像",
    },
    "dot-precision": { title: "float32 (f32x4) 與 float64 (f64x2) 的內積，WebAssembly SIMD", caseAxis: "向量長度 n" },
    "fork-join": { title: "分派與會合：喚醒執行緒池的代價", caseAxis: "工作" },
  },
  variants: {
    "fork-join-empty-ts-threads": "空的工作：只有分派與會合",
    "conv2d-f32-direct-ref": "扁平型別陣列迴圈（TypeScript）",
    "conv2d-f32-im2col-gemm-ts": "im2col + 分塊 GEMM（TypeScript）",
    "conv2d-f32-im2col-gemm-wasmrelaxedsimd": "im2col + SIMD GEMM（WebAssembly）",
    "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads": "im2col + SIMD GEMM，多執行緒（WebAssembly）",
    "conv2d-f32-shifted-ts": "平移整個平面：numpy 的寫法（TypeScript）",
    "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd": "Winograd F(2×2, 3×3)，SIMD（WebAssembly）",
    "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd-threads": "Winograd F(2×2, 3×3)，SIMD，多執行緒（WebAssembly）",
    "conv2d-f32-tfjs-wasmsimd": "tfjs-wasm conv2d（XNNPACK SIMD）",
    "conv2d-f32-tfjs-wasmsimd-threads": "tfjs-wasm conv2d（XNNPACK SIMD，多執行緒）",
    "conv2d-f32-ort-wasmsimd-threads": "onnxruntime-web Conv（wasm EP，SIMD，多執行緒）",
    "conv2d-f32-separable-ts": "高斯，可分離：一趟橫向、一趟縱向，2k 個係數（TypeScript）",
    "gemm-f32-ijk-ref": "樸素 i-j-k 迴圈（TypeScript）",
    "gemm-f32-ikj-ts": "TypeScript i-k-j 迴圈",
    "gemm-f32-blocked-ts": "快取分塊，4×4 暫存器（TypeScript）",
    "gemm-f32-6x8-wasmrelaxedsimd": "6×8 SIMD 區塊（WebAssembly）",
    "gemm-f32-6x8-packed-wasmrelaxedsimd": "打包的 SIMD 核心程式，單執行緒（WebAssembly）",
    "peak-f32x4-fma-wasmrelaxedsimd": "同樣 FLOP 數下的 FMA 峰值（WebAssembly）",
    "peak-f32x4-fma-wasmrelaxedsimd-threads": "融合乘加（relaxed SIMD）",
    "gemm-f32-6x8-packed-wasmrelaxedsimd-threads": "打包的 SIMD 核心程式，在執行緒池上（WebAssembly）",
    "gemm-f32-tfjs-wasmsimd": "tfjs-wasm matMul（XNNPACK SIMD）",
    "gemm-f32-tfjs-wasmsimd-threads": "tfjs-wasm matMul（XNNPACK SIMD，多執行緒）",
    "gemm-f32-ort-wasmsimd-threads": "onnxruntime-web MatMul（wasm EP，SIMD，多執行緒）",
    "collatz-steps-ts": "單執行緒、單一迴圈（JavaScript）",
    "collatz-steps-interleaved-ts": "兩個任務在同一執行緒上輪流執行（JavaScript）",
    "collatz-steps-ts-threads": "分給多個工作執行緒（JavaScript）",
    "peak-f32x4-muladd-wasmsimd-threads": "先乘再加（一般 SIMD）",
    "triad-f32-ref": "一般迴圈（TypeScript）",
    "triad-f32-wasmrelaxedsimd": "記憶體頻寬：在同樣多的元素上做 STREAM triad a = b + 3·c（WebAssembly SIMD）",
    "triad-f32-wasmrelaxedsimd-threads": "SIMD，多執行緒（WebAssembly）",
    "blur-f32-box-integral-ts": "以積分影像做方框模糊：每個像素 4 次查表（TypeScript）",
    "blur-f32-full-crop-ts": "整張畫面模糊後再裁切出區域（TypeScript）",
    "blur-f32-region-ts": "只算區域，讀入 12 像素的邊框（TypeScript）",
    "conv2d-f64-nested-arrays-ts": "巢狀陣列 image[y][x]（相當於 Python 串列）",
    "pairwise-sqdist-f32-broadcast-ts": "廣播：三趟整個陣列的運算，兩個 (N, M, D) 暫存陣列（TypeScript）",
    "pairwise-sqdist-f32-fused-ts": "融合迴圈：每一對一個累加器，沒有暫存陣列（TypeScript）",
    "median3x3-u8-ts": "選擇網路，一次一個像素（JavaScript）",
    "median3x3-u8-wasm": "同一個網路預先編譯，一次一個像素（WebAssembly）",
    "median3x3-u8-x16-wasmsimd": "同一個網路以 u8x16 min/max 一次處理 16 個像素（WebAssembly SIMD）",
    "median3x3-u8-x16-wasmsimd-threads": "同一個 SIMD 核心程式，影像的列分給各執行緒（WebAssembly SIMD）",
    "normalize-gamma-u8-passes-ts": "未融合：每個步驟一趟整張影像，像 numpy 一樣（TypeScript）",
    "normalize-gamma-u8-passes-wasmsimd": "未融合、已編譯：每個步驟一趟 SIMD，經過 float32 暫存陣列，像 numpy 的 ufunc（WebAssembly SIMD）",
    "fused-normalize-gamma-u8-ts": "融合：一個迴圈，每個像素只讀一次、寫一次（TypeScript）",
    "fused-normalize-gamma-u8-wasmsimd": "融合，每步 16 個像素（WebAssembly SIMD）",
    "gemm-i8-4x8-wasmrelaxedsimd-threads": "int8：量化 A、4×8 int8 內積區塊、反量化，多執行緒（WebAssembly）",
    "gemm-i8-ref": "純量 TypeScript 的 int8 流程（參考實作）",
    "gemm-f32-dispatch": "分派器在給定核心數下的選擇",
    "infer-f32-ort-wasmsimd-threads": "onnxruntime-web CNN，一個批次（wasm EP，SIMD，多執行緒）",
    "infer-f32-batch1-wasmrelaxedsimd": "每次呼叫一張影像",
    "infer-f32-batch8-wasmrelaxedsimd": "每批 8 張",
    "infer-f32-batch64-wasmrelaxedsimd": "每批 64 張",
    "infer-f32-batch256-wasmrelaxedsimd": "一批 256 張",
    "infer-i8-batch64-wasmrelaxedsimd": "int8（權重每個輸出通道一個縮放係數），每批 64 張",
    "infer-f32-split-wasmrelaxedsimd-threads": "所有影像一次呼叫，分給各執行緒",
    "cnn-train-f32-wasmrelaxedsimd": "(a) 單執行緒：先載入批次，再計算",
    "cnn-train-f32-prefetch-wasmrelaxedsimd-threads": "(b) 平行載入：下一批由第二個執行緒在這一步進行時準備好",
    "cnn-train-f32-data-parallel-wasmrelaxedsimd-threads": "(c) 資料平行：K 個執行緒一次領取 8 張影像，各自載入並求梯度，梯度取平均",
    "cnn-train-f32-pixel-im2col-wasmrelaxedsimd": "(a) 之前：im2col 每個像素一列",
    "cnn-train-f32-ts-maxpool-backward-wasmrelaxedsimd": "(a) 之前：im2col 每個像素一列，並以 TypeScript 計算最大池化的梯度",
    "dot-f64-wasmsimd": "float64：每個向量兩個通道，每個元素 8 位元組（WebAssembly SIMD）",
    "dot-f32-wasmsimd": "float32：每個向量四個通道，每個元素 4 位元組（WebAssembly SIMD）",
    "map-box3-f32-loop-ts": "單執行緒，對影像跑一般迴圈（JavaScript）",
    "map-box3-f32-chunk1-ts-threads": "工作執行緒池，每塊 1 張影像（JavaScript）",
    "map-box3-f32-chunk4-ts-threads": "工作執行緒池，每塊 4 張影像（JavaScript）",
    "map-box3-f32-chunk16-ts-threads": "工作執行緒池，每塊 16 張影像（JavaScript）",
    "map-box3-f32-chunk64-ts-threads": "工作執行緒池，每塊 64 張影像（JavaScript）",
    "map-box3-f32-chunk256-ts-threads": "工作執行緒池，每塊 256 張影像（JavaScript）",
    "round-trip-copy-ts": "postMessage，structured clone（複製，像 pickle）",
    "round-trip-transfer-ts": "postMessage，轉移 ArrayBuffer（移交，不複製）",
    "round-trip-shared-ts": "postMessage 傳 SharedArrayBuffer（共享，不複製）",
    "histogram-u8-loop-ts": "單執行緒，一般遞增（JavaScript）",
    "histogram-u8-atomic-ts-threads": "多執行緒共用一個直方圖，Atomics.add（JavaScript）",
    "histogram-u8-private-merge-ts-threads": "多執行緒各有私有直方圖，最後合併（JavaScript）",
  },
  cases: {
    "triad over 3 × 64 KiB": "對 3 × 64 KiB 做 triad",
    "triad over 3 × 1 MiB": "對 3 × 1 MiB 做 triad",
    "2²⁴ iterations, registers only": "2²⁴ 次迭代，只用暫存器",
    "256 × 256 (fits in cache)": "256 × 256（放得進快取）",
    "MNIST CNN (this site's), 256 images": "MNIST CNN（本站的），256 張影像",
    "dense 9216→128 (Keras MNIST example), 256 images": "全連接 9216→128（Keras MNIST 範例），256 張影像",
    "batch 16": "批次 16",
    "batch 64": "批次 64",
    "65,536 images of 2×2": "65,536 張 2×2 影像",
    "256 images of 64×64": "256 張 64×64 影像",
    "2048×1024 pixels": "2048×1024 像素",
    "16,384 elements (float64: 256 KiB, in L2 cache)": "16,384 個元素（float64：256 KiB，在 L2 快取中）",
    "8,388,608 elements (float64: 128 MiB, main memory)": "8,388,608 個元素（float64：128 MiB，主記憶體）",
  },
  because: {
    "fork-join/empty-vs-work":
      "執行緒池在共享記憶體裡按響一個輔助執行緒自己的門鈴，並等待一個計數器改變：兩個執行緒都在自旋時，只是幾次快取行的傳遞；它們睡著時，則是每個方向各一次作業系統的喚醒，相比之下，在一個核心上串流 3 MiB 要花幾十微秒",
    "conv2d-im2col/wasm-vs-direct":
      "一次 GEMM 會把每個載入的值在暫存器區塊與四個 SIMD 通道間重複使用，而直接迴圈每做一次乘加都要重新載入兩個運算元，並在每個係數上檢查填補邊界",
    "conv2d-im2col/threads-2":
      "每個執行緒領取接下來的 192 列輸出，展開並相乘，除了唯讀的權重和一個計數器之外什麼都不共享：每多一個核心有 80% 的平行效率",
    "conv2d-layers/ours-vs-tfjs-threads-2":
      "兩者都把一個大型矩陣乘積分給兩個執行緒，並使用 SIMD 暫存器區塊；這個 tfjs 版本的乘法與加法是分開的 SIMD 指令，我們的則融合成一個（relaxed SIMD），這個優勢大過 XNNPACK 省下的 im2col 複製",
    "conv2d-layers/winograd-vs-im2col":
      "F(2×2, 3×3) 每對通道每 2×2 個輸出只做 16 次乘加，直接卷積要做 36 次，用的是同一個打包的 6×8 區塊，而且每個通道只讀一次輸入，而不是複製九次到 im2col 矩陣",
    "conv2d-layers/winograd-vs-peak":
      "FMA 峰值限制了直接卷積的乘加能做多快，而 Winograd 少做 2.25 倍的乘加：能超越上限的是更好的演算法，而不是更快的迴圈",
    "conv2d-layers/winograd-vs-ort-threads-2":
      "F(2×2, 3×3) 每個 2×2 輸出區塊只需要 16 次乘法，ORT 計算的直接卷積則需要 36 次，而且 ORT 的 WebAssembly 版本把乘法和加法分成兩道指令",
    "conv2d-layers/winograd-vs-tfjs-threads-2":
      "每個執行緒在自己的工作空間中轉換並相乘自己那幾列區塊，所以兩個執行緒讓 Winograd 的速率幾乎加倍，而 tfjs 的 XNNPACK 卷積每一次直接卷積的乘加都得做",
    "dot-precision/f32-in-cache": "同樣的指令可以做四個 float32 乘加，卻只能做兩個 float64 乘加，而且資料已經在快取中",
    "dot-precision/f32-in-memory": "從主記憶體讀取時，時間取決於搬移的位元組數，而 float32 每個元素只搬一半",
    "cnn-training/tap-major-im2col":
      "每個 tap 一列、每個像素一行時，W · col 本身就是 NCHW 的輸出，權重梯度也沿著列讀取輸出梯度和 col：不需要分散、收集或轉置的副本，而且 im2col 和 col2im 一次搬移整列影像，而不是一次一列卷積核或一個浮點數",
    "cnn-training/wasm-pool-backward":
      "TypeScript 的最大池化梯度先用一趟清空每個 28×28 的梯度平面，再一次一個浮點數地搜尋每個 2×2 視窗；WebAssembly 核心程式每個 SIMD 步驟搜尋四個視窗，而且每個梯度值（包括零）只寫一次",
    "conv2d-separable/vs-shifted": "兩趟處理每個像素做 9 + 9 次乘加，直接濾波則要 9 × 9 次，迴圈的寫法相同",
    "conv2d-separable/vs-im2col-wasm":
      "只有一個通道、一個濾波器時，im2col 把每個像素複製 81 次，做一個讓大多數 SIMD 通道閒置的矩陣向量乘積，而一般的純量兩趟處理少做 4.5 倍的運算",
    "gemm/simd-vs-blocked":
      "每個融合乘加指令做四個通道的工作，而 6×8 區塊讓每個載入的值從暫存器被使用六或八次；JavaScript 迴圈則每更新 C 的一個元素都要載入、轉換、儲存",
    "gemm/packed-vs-unpacked":
      "在 1,024 時，B 的相鄰兩列相距 4 KiB，所以未打包的區塊往下走的那條 B 會對應到 L1 快取的同一組，而那一組只放得下幾條快取行，並且每一步都碰到新的分頁；打包後，這條資料是一塊放得進 L1 的連續面板",
    "gemm/packed-vs-peak":
      "打包讓 6×8 區塊需要的每個運算元都以一條密集的資料流待在 L1 或 L2，因此每一步的兩次向量載入與六次廣播都藏在十二次乘加之後，核心程式的速度與只在暫存器上相乘的迴圈只差幾個百分點",
    "gemm/packed-vs-ort":
      "onnxruntime-web 1.31 的 WebAssembly 版本同樣沒有融合乘加（它的 SIMD 核心程式先乘再加），而且每次執行還要把 A 和 B 複製進它自己的堆積，再把 C 複製出來",
    "gemm/packed-vs-tfjs":
      "tfjs 4.22 的 SIMD 版本沒有融合乘加（relaxed SIMD），所以它每個通道的更新都要一次乘法加一次加法，而我們的幾乎跑到機器的 FMA 峰值",
    "gemm/threads-vs-tfjs-2": "兩者都把 C 的列分給同樣的兩個執行緒，所以單執行緒較快的核心程式仍然領先",
    "gemm/threads-2":
      "執行緒認領列的小區塊，用大家一起打包一次、之後只讀不寫的 B 區塊去乘，而且每個讀入的值會被用在 1,024 次乘加中：決定速度的是運算，而不是共用的記憶體匯流排",
    "gemm-threads/threads-2":
      "大型乘積受運算限制：每個讀入的值會被用在 1,024 次乘加中，而且執行緒邊做邊認領列的小區塊，誰也不必久等誰，所以第二個核心幾乎讓時間減半",
    "gil-workers/workers-2":
      "每個工作執行緒都是獨立的 JavaScript 引擎，有自己的事件迴圈與自己那一半的數字，所以兩個核心同時執行，就像兩個 Python 行程各自持有自己的 GIL",
    "gil-workers/interleaved-not-faster":
      "在同一個執行緒上輪流執行的任務仍然一次只跑一個：交錯執行只改變工作的順序，不改變做工作的核心數，所以不可能比一般迴圈快多少",
    "machine-peak/threads-2":
      "探測不碰記憶體，所以每個執行緒讓自己核心的 SIMD 單元保持忙碌，彼此不共享任何東西：第二個實體核心幾乎讓峰值加倍（同一核心上的 SMT 兄弟執行緒則不會）",
    "memory-bandwidth/simd-in-cache":
      "陣列還在快取裡時，限制在於迴圈發出指令的速度：SIMD 迴圈每次載入、乘加、儲存處理四個浮點數，一般迴圈只處理一個，而且每次存取都有邊界檢查",
    "blur-algorithms/separable-k25": "兩趟處理每個像素做 25 + 25 次乘加，直接濾波則要 25 × 25 次，迴圈的寫法相同",
    "blur-algorithms/integral-k25": "積分影像用 4 次查表就能得到任何視窗的總和，所以成本不隨 k 增加，而直接濾波每個像素要做 625 次乘加",
    "roi-blur/region-sixteenth": "區域加上邊框是 152 × 152 像素，不到 512 × 512 畫面的九分之一，兩趟處理濾波的像素比整張畫面少大約 15 倍",
    "conv-vectorization/shifted-vs-nested": "整個平面的寫法對每個係數在連續的列上跑一個單純的乘加迴圈，每個像素沒有邊界檢查，也不必查找列",
    "broadcast-temporaries/fused-large":
      "廣播的寫法會寫出兩個 16 MB 的暫存陣列再讀回來，遠超過快取容量，而融合迴圈把每個累加值留在暫存器裡",
    "median-filter/simd-vs-js": "不論引擎把 JavaScript 編譯得多好，每次 min 或 max 只處理一個像素，而每個 u8x16 指令處理十六個",
    "median-filter/simd-vs-wasm-scalar":
      "一次 u8x16 的 min 或 max 做了十六次純量運算的工作，而且十六個像素的九個鄰居用九次向量載入就取得，而不是 144 次位元組載入",
    "fusion-chain/fused-vs-passes-simd":
      "兩者執行相同的已編譯 SIMD 運算，但多趟處理在每一步都寫出並讀回一個 48 MB 的 float32 暫存陣列，每個像素約 61 位元組的記憶體流量，融合迴圈只有 5 位元組",
    "fusion-chain/fused-simd-vs-unfused-js": "融合去掉了八趟記憶體處理中的七趟，而 SIMD 每個指令處理四個像素，所以兩種收益相乘",
    "gemm-int8/int8-vs-f32":
      "8 位元內積每個 128 位元步驟做十六次乘加，float32 融合乘加只做四次（在有 VNNI 的處理器上是一個指令，其他處理器上是三個），而且每個運算元位元組只有浮點數的四分之一，所以每個快取與向量暫存器能放下四倍的矩陣資料",
    "gemm-int8/int8-threads-2":
      "每列一個縮放係數，所以每個執行緒一次領取 32 列，對共享的打包權重量化、相乘、反量化，執行緒之間從不互相等待",
    "gemm-dispatch/threads-lose-tiny":
      "8³ 的乘積只有 512 次乘加，運算時間遠不到一微秒，而喚醒第二個執行緒並等它完成要經過作業系統排程器的一次來回",
    "gemm-dispatch/dispatch-tiny":
      "低於 SIMD 門檻時，分派器直接在呼叫者的陣列上執行 TypeScript 迴圈；在 4³ 時，把三個陣列複製進 WebAssembly 記憶體並打包其中兩個，比 64 次乘加本身還貴",
    "gemm-dispatch/dispatch-medium":
      "介於兩個門檻之間時，分派器在自己的執行緒上執行 SIMD 核心程式，所以要付複製的成本，但不用付執行緒池的來回",
    "gemm-dispatch/dispatch-large": "高於執行緒門檻時，分派器把乘積交給執行緒池，用上所有給它的核心，與多執行緒後端完全相同",
    "cnn-inference/dense-batch64":
      "一次一張影像時，這一層為了 2.4 MFLOP 的運算要從記憶體讀入全部 4.7 MB 的權重，所以它在等記憶體；64 張的批次讓每個權重在快取中時被使用 64 次，這一層就變成受運算限制",
    "cnn-inference/cnn-batch-no-gain":
      "im2col 已經把一張影像變成 784（然後 196）列的 GEMM，每個小濾波器被重複使用數百次，所以批次沒有額外的重複使用可加，而 64 張影像的 im2col 矩陣（約 15 MB）已經放不進快取",
    "cnn-inference/threads-2": "影像彼此獨立：每個執行緒領取接下來的 16 張影像，在自己的工作空間裡分類，只共享唯讀的權重和一個計數器",
    "cnn-training/data-parallel-2":
      "執行緒每次從批次領取 8 張影像，解碼並微分自己領到的部分，除了唯讀的權重和一個計數器之外什麼都不共享，而合併每一步只加 8 × 11 k 個浮點數，相比之下反向傳播每張影像約有 200 萬次乘加",
    "pool-map-images/two-workers":
      "影像彼此獨立，所以兩個執行緒同時模糊不同的影像，而 16 個各約數十微秒的區塊讓領取任務的成本遠低於工作本身",
    "pool-map-images/tiny-tasks":
      "2×2 模糊比一次領取還短：領取是對計數器做一次原子加法，它所在的快取行每次都得在兩個核心之間搬移；每塊 16 張時，每 16 張影像才付一次",
    "pool-map-images/too-coarse": "256 張影像、每塊 256 張就只有一個任務：第一個領到的執行緒做完全部工作，另一個只能等",
    "passing-data/transfer-64mb": "clone 每次來回要以記憶體頻寬把 64 MB 整個複製兩次，而 transfer 只是移交緩衝區的擁有權",
    "passing-data/shared-64mb": "兩個工作執行緒本來就看得到同一塊記憶體：訊息只帶一個控制代碼，剩下的只是訊息本身的成本",
    "shared-histogram/private-two-threads":
      "每個執行緒從共享的計數器領取 64 KiB 的像素區塊，計數到沒有其他執行緒寫入的格子，所以在短暫的合併之前只共享一個計數器",
    "shared-histogram/atomics-cost":
      "即使沒有其他執行緒，每次 Atomics.add 都是一次上鎖的讀取-修改-寫入，CPU 不能讓它與下一次重疊，而一般的遞增可以管線化",
    "shared-histogram/private-beats-atomics":
      "共享格子時，兩個執行緒除了上鎖的加法之外，還不斷從對方搶走同一條快取行；私有格子從不離開自己的核心",
  },
};
