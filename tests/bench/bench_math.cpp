// What TeX math conversion (issue #23) costs a day's list: the window converts a title when
// it paints its row, so a day of 1,000 papers pays it for the rows on screen, and scrolling
// through the whole day pays it once per row. Measured in this process on titles taken from
// the recorded arXiv listings, with every tenth title carrying math (as in cs.CV, cs.LG and
// cs.CL) and, for the worst case, every title.

#include "bench_measure.h"

#include "core/tex_math.h"

#include <QElapsedTimer>
#include <QStringList>

#include <ctime>

namespace paperboy::bench {

namespace {

// Titles with math, as arXiv and the digests published them.
const char *const kMathTitles[] = {
    R"($H^3$Fusion: Helpful, Harmless, Honest Fusion of Aligned LLMs)",
    R"(Distributed Sign Momentum with $O(1/\sqrt{T})$ Convergence for Transformers)",
    R"(A $\mathcal{O}(n\log n)$ Algorithm for Sparse $48\times48$ Patch Matching)",
    R"(On the $\operatorname{conv}(\bigcup_{a\in A} C_a)$ Hull of Meta-Learned Classes)",
    R"(Learning $\tilde{O}(\sqrt{d})$-Regret Policies in $\mathbb{R}^{d\times d}$)",
    R"($\pi^{\bigstar}_{\mathbf{X}} = \frac{1}{2\sqrt{2}}\frac{n}{N^{1/d}}$ Packing Bounds)",
    R"(Lattice Codes over $\mathbb Z_q^8$ from $E_8$ for $\ell=2,4,8$)",
    R"(Why $\epsilon \approx 0.1$ Works: Privacy at $(m\epsilon, \delta)$ Scale)",
};

const char *const kPlainTitles[] = {
    "EEG-DCNet: A Fast and Accurate MI-EEG Dilated CNN Classification Method",
    "BOOT: Data-free Distillation of Denoising Diffusion Models with Bootstrapping",
    "On the ERM Principle in Meta-Learning",
    "Scaling Laws for Retrieval-Augmented Generation in Long-Context Models",
    "Panoramic Gaussian Scaffolds for Closed-Loop Driving Simulation",
    "A Benchmark of Slovak Sentence Embeddings",
    "Operadic Consistency for Question Answering Models",
    "Dual-Constrained Diffusion Image Compression",
    "Topology-Aware Diffusion for Indoor Panoramas",
};

QStringList day(int papers, int mathEvery)
{
    QStringList titles;
    for (int i = 0; i < papers; ++i) {
        const bool math = mathEvery > 0 && i % mathEvery == 0;
        titles.append(QString::fromUtf8(math ? kMathTitles[i % std::size(kMathTitles)]
                                             : kPlainTitles[i % std::size(kPlainTitles)]));
    }
    return titles;
}

Figure convertDay(const Settings &settings, const QString &key, const QString &label, int mathEvery)
{
    const QStringList titles = day(1000, mathEvery);
    std::vector<double> wall;
    std::vector<double> cpu;
    qsizetype runs = 0;
    for (int run = 0; run < settings.runs * 4; ++run) {
        QElapsedTimer timer;
        const double cpuStart = threadCpuMs();
        timer.start();
        for (const QString &title : titles)
            runs += texMathRuns(title).size();
        wall.push_back(timer.nsecsElapsed() / 1e6);
        cpu.push_back(threadCpuMs() - cpuStart);
    }
    Figure figure{key, label, median(wall), QStringLiteral("ms"), {}, true, summary(wall)};
    figure.detail.insert(QStringLiteral("cpu_median_ms"), median(cpu));
    figure.detail.insert(QStringLiteral("runs_made"), qint64(runs));
    return figure;
}

} // namespace

QList<Figure> measureMath(const Settings &settings)
{
    texMathRuns(QString::fromUtf8(kMathTitles[0])); // loads the symbol table once
    return {
        convertDay(settings, QStringLiteral("math_day_plain"),
                   QStringLiteral("math runs for a day's 1,000 titles, none with math"), 0),
        convertDay(settings, QStringLiteral("math_day_tenth"),
                   QStringLiteral("math runs for a day's 1,000 titles, one in ten with math"), 10),
        convertDay(settings, QStringLiteral("math_day_all"),
                   QStringLiteral("math runs for 1,000 titles, every one with math"), 1),
    };
}

} // namespace paperboy::bench
